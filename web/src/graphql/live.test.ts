import { describe, expect, it } from "vitest";
import { liveMode, POLL_INTERVAL_MS } from "./live";

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
