import { describe, expect, it } from "vitest";
import { authorizedFetch } from "./authorizedFetch";

function recording(status = 200) {
  const sent: Headers[] = [];
  const fetchFn: typeof fetch = async (_input, init) => {
    sent.push(new Headers(init?.headers));
    return new Response("{}", { status });
  };
  return { sent, fetchFn };
}

describe("authorizedFetch", () => {
  it("sends the access token as a bearer token, keeping the other headers", async () => {
    const { sent, fetchFn } = recording();
    await authorizedFetch(async () => "token-1", () => {}, fetchFn)("/graphql", { headers: { "content-type": "application/json" } });
    expect(sent[0].get("authorization")).toBe("Bearer token-1");
    expect(sent[0].get("content-type")).toBe("application/json");
  });

  it("asks anonymously without a session", async () => {
    const { sent, fetchFn } = recording();
    await authorizedFetch(async () => null, () => {}, fetchFn)("/graphql", {});
    expect(sent[0].has("authorization")).toBe(false);
  });

  it("reports a refused token", async () => {
    let refused = 0;
    await authorizedFetch(async () => "stale", () => refused++, recording(401).fetchFn)("/graphql", {});
    expect(refused).toBe(1);
  });

  it("does not report a 401 it sent no token for, nor other failures", async () => {
    let refused = 0;
    await authorizedFetch(async () => null, () => refused++, recording(401).fetchFn)("/graphql", {});
    await authorizedFetch(async () => "fine", () => refused++, recording(500).fetchFn)("/graphql", {});
    expect(refused).toBe(0);
  });
});
