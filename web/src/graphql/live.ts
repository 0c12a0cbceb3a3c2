import type { Config } from "@/config/config";

/** How an event page keeps seats remaining current: the config decides, per runtime. */
export type LiveMode = { kind: "subscription"; url: string } | { kind: "poll"; intervalMs: number };

export const POLL_INTERVAL_MS = 5000;

/** A path in config.live is on the page's own origin, as a WebSocket URL. */
export function liveMode(config: Pick<Config, "live">, pageUrl: string): LiveMode {
  if (config.live === "poll") return { kind: "poll", intervalMs: POLL_INTERVAL_MS };
  const url = new URL(config.live, pageUrl);
  if (url.protocol === "http:") url.protocol = "ws:";
  if (url.protocol === "https:") url.protocol = "wss:";
  return { kind: "subscription", url: url.toString() };
}

/** A subscription that failed (no WebSocket through a proxy, say) gives way to polling, so the seats still move. */
export function fallBackToPolling(mode: LiveMode, subscriptionFailed: boolean): LiveMode {
  return mode.kind === "subscription" && subscriptionFailed ? { kind: "poll", intervalMs: POLL_INTERVAL_MS } : mode;
}
