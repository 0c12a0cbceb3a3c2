"use client";

import { useI18n } from "@/i18n/I18n";

export function SeatsBadge({ seatsRemaining }: { seatsRemaining: number }) {
  const { m, f } = useI18n();
  return seatsRemaining > 0 ? (
    <span className="badge">{m.seats.remaining(seatsRemaining, f.count(seatsRemaining))}</span>
  ) : (
    <span className="badge sold-out">{m.seats.soldOut}</span>
  );
}
