import { describe, expect, it } from "vitest";
import { fallBackToPolling, liveMode, POLL_INTERVAL_MS } from "./live";

describe("liveMode", () => {
  it("polls when the config says poll (runtimes without WebSockets, such as Lambda)", () => {
    expect(liveMode({ live: "poll" }, "https://kippu.example/event/")).toEqual({ kind: "poll", intervalMs: POLL_INTERVAL_MS });
  });

  it("subscribes at a WebSocket URL as given", () => {
    expect(liveMode({ live: "wss://api.kippu.example/graphql" }, "https://kippu.example/")).toEqual({
      kind: "subscription",
      url: "wss://api.kippu.example/graphql",
    });
  });

  it("subscribes on the page's own origin for a path, wss under https", () => {
    expect(liveMode({ live: "/graphql" }, "https://kippu.example/event/?id=1")).toEqual({ kind: "subscription", url: "wss://kippu.example/graphql" });
  });

  it("and ws under plain http", () => {
    expect(liveMode({ live: "/graphql" }, "http://localhost:8080/event/?id=1")).toEqual({ kind: "subscription", url: "ws://localhost:8080/graphql" });
  });
});

describe("fallBackToPolling", () => {
  const subscription = { kind: "subscription", url: "wss://kippu.example/graphql" } as const;
  const poll = { kind: "poll", intervalMs: POLL_INTERVAL_MS } as const;

  it("keeps a working subscription", () => {
    expect(fallBackToPolling(subscription, false)).toBe(subscription);
  });

  it("polls once the subscription has failed", () => {
    expect(fallBackToPolling(subscription, true)).toEqual(poll);
  });

  it("leaves polling as it is", () => {
    expect(fallBackToPolling(poll, true)).toBe(poll);
  });
});
