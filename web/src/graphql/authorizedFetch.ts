/** Resolves to the access token to send, or null to ask anonymously. */
export type AccessToken = () => Promise<string | null>;

/**
 * fetch that sends the current access token as a bearer token (asked for on every request, since
 * the library may have to refresh it first). The API refuses a bad token with 401 on any operation,
 * public ones too, so a session the server no longer accepts (a pool recreated, a token revoked)
 * is reported, to be dropped, rather than breaking every page.
 */
export function authorizedFetch(accessToken: AccessToken, onTokenRefused: () => void, fetchFn: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const token = await accessToken();
    const headers = new Headers(init?.headers);
    if (token) headers.set("Authorization", `Bearer ${token}`);
    const response = await fetchFn(input, { ...init, headers });
    if (token && response.status === 401) onTokenRefused();
    return response;
  };
}
