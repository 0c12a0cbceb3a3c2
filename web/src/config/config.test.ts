import { describe, expect, it } from "vitest";
import { loadConfig, parseConfig } from "./config";

// what deploy-shared's WebConfig output writes
const deployed = {
  region: "ap-northeast-1",
  userPoolId: "ap-northeast-1_AbC123",
  userPoolClientId: "client123",
  graphqlUrl: "/graphql",
  live: "poll",
  hostedUiUrl: "https://kippu.auth.ap-northeast-1.amazoncognito.com",
};

const local = {
  region: "local",
  userPoolId: "local_5ZNOa2x8",
  userPoolClientId: "abc",
  cognitoEndpoint: "http://localhost:9229",
  graphqlUrl: "http://localhost:8080/graphql",
  live: "ws://localhost:8080/graphql",
  mediaBaseUrl: "http://localhost:9090/media",
};

function respond(body: string, status = 200): typeof fetch {
  return async () => new Response(body, { status });
}

describe("parseConfig", () => {
  it("accepts what the CDK stack writes, ignoring fields it does not use", () => {
    expect(parseConfig(deployed)).toEqual({
      ok: true,
      config: {
        region: "ap-northeast-1",
        userPoolId: "ap-northeast-1_AbC123",
        userPoolClientId: "client123",
        graphqlUrl: "/graphql",
        live: "poll",
      },
    });
  });

  it("accepts a local stand-in with its own endpoint and pool names", () => {
    expect(parseConfig(local)).toEqual({ ok: true, config: local });
  });

  it("names every missing field at once", () => {
    expect(parseConfig({ graphqlUrl: "/graphql" })).toEqual({
      ok: false,
      problems: ["live", "region", "userPoolId", "userPoolClientId"].map((field) => ({ kind: "invalid", field, rule: "required" })),
    });
  });

  it("refuses malformed values", () => {
    const result = parseConfig({
      ...deployed,
      graphqlUrl: "graphql",
      live: "sometimes",
      cognitoEndpoint: "/cognito",
      mediaBaseUrl: "ftp://media",
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { kind: "invalid", field: "graphqlUrl", rule: "url" },
        { kind: "invalid", field: "live", rule: "liveUrl" },
        { kind: "invalid", field: "cognitoEndpoint", rule: "url" },
        { kind: "invalid", field: "mediaBaseUrl", rule: "url" },
      ],
    });
  });

  it("refuses a pool of another region than configured, which Cognito would fail on at sign-in", () => {
    expect(parseConfig({ ...deployed, userPoolId: "us-east-1_AbC123" })).toEqual({
      ok: false,
      problems: [{ kind: "invalid", field: "userPoolId", rule: "userPoolId" }],
    });
  });

  it("accepts a WebSocket path on the site's own origin", () => {
    expect(parseConfig({ ...deployed, live: "/graphql" }).ok).toBe(true);
  });

  it("refuses a protocol-relative URL, which is not a path on this site", () => {
    expect(parseConfig({ ...deployed, graphqlUrl: "//elsewhere.example/graphql" }).ok).toBe(false);
  });

  it("refuses what is not one object", () => {
    for (const json of [null, [], "config", 3]) expect(parseConfig(json)).toEqual({ ok: false, problems: [{ kind: "notObject" }] });
  });
});

describe("loadConfig", () => {
  it("reads /config.json without the browser cache", async () => {
    let asked: [RequestInfo | URL, RequestInit | undefined] | undefined;
    const fetchFn: typeof fetch = async (input, init) => {
      asked = [input, init];
      return new Response(JSON.stringify(deployed));
    };
    expect((await loadConfig(fetchFn)).ok).toBe(true);
    expect(asked).toEqual(["/config.json", { cache: "no-store" }]);
  });

  it("reports a missing file with its HTTP status", async () => {
    expect(await loadConfig(respond("Not Found", 404))).toEqual({ ok: false, problems: [{ kind: "unreachable", status: 404 }] });
  });

  it("reports a network failure", async () => {
    const offline: typeof fetch = async () => {
      throw new TypeError("Failed to fetch");
    };
    expect(await loadConfig(offline)).toEqual({ ok: false, problems: [{ kind: "unreachable" }] });
  });

  it("reports a file that is not JSON (an SPA fallback's index.html, say)", async () => {
    expect(await loadConfig(respond("<!doctype html><html></html>"))).toEqual({ ok: false, problems: [{ kind: "notJson" }] });
  });
});
