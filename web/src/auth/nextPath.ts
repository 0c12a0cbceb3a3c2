/** Where to go after signing in: only a path on this site, so a crafted link cannot send the visitor elsewhere. */
export function nextPath(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
