"use client";

import { useEffect, useMemo } from "react";
import { useQuery, useSubscription } from "urql";
import { useConfig } from "@/auth/Session";
import { EventSeatsDocument, SeatsChangedDocument, type EventStatus } from "@/graphql/generated/graphql";
import { fallBackToPolling, liveMode, type LiveMode } from "@/graphql/live";

export type Availability = { seatsRemaining: number; status: EventStatus };

/** The event's seats remaining as they change: pushed over WebSocket, or polled where the runtime has none. */
export function useSeatAvailability(eventId: string): { availability?: Availability; mode: LiveMode } {
  const config = useConfig();
  const configured = useMemo(() => liveMode(config, window.location.href), [config]);
  const [pushed] = useSubscription({ query: SeatsChangedDocument, variables: { eventId }, pause: configured.kind !== "subscription" });
  const subscriptionFailed = pushed.error !== undefined;
  const mode = useMemo(() => fallBackToPolling(configured, subscriptionFailed), [configured, subscriptionFailed]);
  const [polled, poll] = useQuery({
    query: EventSeatsDocument,
    variables: { id: eventId },
    pause: mode.kind !== "poll",
    requestPolicy: "network-only",
  });
  useEffect(() => {
    if (mode.kind !== "poll") return;
    const timer = setInterval(() => {
      // a hidden tab need not ask: it catches up when it is shown again
      if (document.visibilityState === "visible") poll({ requestPolicy: "network-only" });
    }, mode.intervalMs);
    return () => clearInterval(timer);
  }, [mode, poll]);

  const availability = mode.kind === "subscription" ? pushed.data?.seatsChanged : polled.data?.event ?? undefined;
  return { availability, mode };
}
