/** localStorage, or undefined where the browser refuses it (some private modes, disabled storage) or there is no window. */
export function browserStorage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}
