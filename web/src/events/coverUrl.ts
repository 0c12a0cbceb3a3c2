/** The API gives covers as absolute URLs; a path is resolved against mediaBaseUrl (or the page's origin). */
export function coverUrl(coverImageUrl: string, mediaBaseUrl: string | undefined, pageUrl: string): string {
  return new URL(coverImageUrl, mediaBaseUrl ? new URL(mediaBaseUrl, pageUrl) : pageUrl).toString();
}
