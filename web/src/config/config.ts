/**
 * The runtime configuration, /config.json beside the pages: one build serves every environment.
 * Field names are those of the WebConfig output of deploy-shared's SharedStack.
 */
export type Config = {
  /** POST endpoint, absolute or relative to the page ("/graphql" when the API shares the site's origin). */
  graphqlUrl: string;
  /** "poll", or the graphql-transport-ws endpoint (ws:, wss:, or a path on the site's origin). */
  live: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  /** A Cognito stand-in (cognito-local); signs in with USER_PASSWORD_AUTH instead of SRP. */
  cognitoEndpoint?: string;
  /** Resolves cover URLs the API gives as paths; absolute ones are used as they are. */
  mediaBaseUrl?: string;
};

export type ConfigProblem =
  | { kind: "unreachable"; status?: number }
  | { kind: "notJson" }
  | { kind: "notObject" }
  | { kind: "invalid"; field: keyof Config; rule: ConfigRule };

export type ConfigRule = "required" | "url" | "liveUrl" | "userPoolId";

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

export const CONFIG_PATH = "/config.json";

export async function loadConfig(fetchFn: typeof fetch = fetch): Promise<ConfigResult> {
  let response: Response;
  try {
    // config.json is deployed with no-cache; no-store also keeps the browser from reusing an old one
    response = await fetchFn(CONFIG_PATH, { cache: "no-store" });
  } catch {
    return { ok: false, problems: [{ kind: "unreachable" }] };
  }
  if (!response.ok) return { ok: false, problems: [{ kind: "unreachable", status: response.status }] };
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return { ok: false, problems: [{ kind: "notJson" }] };
  }
  return parseConfig(json);
}

function isAbsoluteUrl(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isPath(value: string): boolean {
  return value.startsWith("/") && !value.startsWith("//");
}

function isHttpUrlOrPath(value: string): boolean {
  return isPath(value) || isAbsoluteUrl(value, ["http:", "https:"]);
}

function isLive(value: string): boolean {
  return value === "poll" || isPath(value) || isAbsoluteUrl(value, ["ws:", "wss:"]);
}

function isAbsoluteHttpUrl(value: string): boolean {
  return isAbsoluteUrl(value, ["http:", "https:"]);
}

export function parseConfig(json: unknown): ConfigResult {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, problems: [{ kind: "notObject" }] };
  }
  const raw = json as Record<string, unknown>;
  const problems: ConfigProblem[] = [];
  const text = (field: keyof Config, optional = false): string | undefined => {
    const value = raw[field];
    if (optional && (value === undefined || value === null || value === "")) return undefined;
    if (typeof value !== "string" || value.trim() === "") {
      problems.push({ kind: "invalid", field, rule: "required" });
      return undefined;
    }
    return value.trim();
  };
  const check = (field: keyof Config, value: string | undefined, valid: (v: string) => boolean, rule: ConfigRule) => {
    if (value !== undefined && !valid(value)) problems.push({ kind: "invalid", field, rule });
  };

  const graphqlUrl = text("graphqlUrl");
  check("graphqlUrl", graphqlUrl, isHttpUrlOrPath, "url");
  const live = text("live");
  check("live", live, isLive, "liveUrl");
  const region = text("region");
  const userPoolId = text("userPoolId");
  const userPoolClientId = text("userPoolClientId");
  const cognitoEndpoint = text("cognitoEndpoint", true);
  check("cognitoEndpoint", cognitoEndpoint, isAbsoluteHttpUrl, "url");
  // Cognito derives its endpoint from the pool id's region prefix, so a pool of another region fails
  // at sign-in; a stand-in has its own endpoint and names its pools as it likes.
  check("userPoolId", userPoolId, (id) => /^[\w-]+_[0-9a-zA-Z]+$/.test(id) && (cognitoEndpoint !== undefined || id.startsWith(`${region}_`)), "userPoolId");
  const mediaBaseUrl = text("mediaBaseUrl", true);
  check("mediaBaseUrl", mediaBaseUrl, isHttpUrlOrPath, "url");

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      graphqlUrl: graphqlUrl!,
      live: live!,
      region: region!,
      userPoolId: userPoolId!,
      userPoolClientId: userPoolClientId!,
      ...(cognitoEndpoint && { cognitoEndpoint }),
      ...(mediaBaseUrl && { mediaBaseUrl }),
    },
  };
}
