"use client";

import type { BookingStatus } from "@/graphql/generated/graphql";
import { useI18n } from "@/i18n/I18n";

/** Confirmed, or when it was cancelled. */
export function BookingStatusBadge({ booking }: { booking: { status: BookingStatus; createdAt: string; cancelledAt: string | null } }) {
  const { m, f } = useI18n();
  return booking.status === "CONFIRMED" ? (
    <span className="badge">{m.bookings.confirmed}</span>
  ) : (
    <span className="badge sold-out">{m.bookings.cancelledAt(f.dateTime(booking.cancelledAt ?? booking.createdAt))}</span>
  );
}
