"use client";

import type { EventStatus } from "@/graphql/generated/graphql";
import { useI18n } from "@/i18n/I18n";

const STYLE: Record<EventStatus, string> = { DRAFT: "badge draft", PUBLISHED: "badge", CANCELLED: "badge sold-out" };

export function StatusBadge({ status }: { status: EventStatus }) {
  const { m } = useI18n();
  return <span className={STYLE[status]}>{m.organizer.status[status]}</span>;
}

/** Seats sold of the capacity, as the organizer counts them. */
export function SeatsSold({ capacity, seatsRemaining }: { capacity: number; seatsRemaining: number }) {
  const { m, f } = useI18n();
  return <>{m.organizer.sold(f.count(capacity - seatsRemaining), f.count(capacity))}</>;
}
