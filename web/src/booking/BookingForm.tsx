"use client";

import Link from "next/link";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { useSession } from "@/auth/Session";
import { BookSeatsDocument, type EventStatus } from "@/graphql/generated/graphql";
import { errorKind, errorMessage, type ErrorKind } from "@/graphql/errors";
import { useI18n } from "@/i18n/I18n";
import { ErrorAlert, StatusMessage } from "@/ui/Alerts";
import { browserStorage } from "@/ui/browserStorage";
import { attemptIsSettled, PurchaseAttempts } from "./purchaseAttempt";

const MAX_SEATS_PER_BOOKING = 10;

type Outcome = { booked: number } | { error: ErrorKind };

export function BookingForm({ eventId, seatsRemaining, status }: { eventId: string; seatsRemaining: number; status: EventStatus }) {
  const { m, f } = useI18n();
  const { user } = useSession();
  const attempts = useMemo(() => new PurchaseAttempts(browserStorage()), []);
  const [pending, setPending] = useState(() => attempts.pending(eventId));
  const [quantity, setQuantity] = useState(pending?.quantity ?? 1);
  const [outcome, setOutcome] = useState<Outcome>();
  const [{ fetching }, bookSeats] = useMutation(BookSeatsDocument);
  // the state update that disables the button comes a render later than a fast second click
  const sending = useRef(false);

  const maxQuantity = Math.min(MAX_SEATS_PER_BOOKING, seatsRemaining);
  const chosen = Math.min(quantity, maxQuantity);

  async function book(event: FormEvent) {
    event.preventDefault();
    if (sending.current) return;
    sending.current = true;
    const attempt = attempts.start(eventId, chosen);
    const result = await bookSeats({ input: { eventId, quantity: chosen, idempotencyKey: attempt.key } });
    sending.current = false;
    const next: Outcome = result.data ? { booked: result.data.bookSeats.quantity } : { error: errorKind(result.error!) };
    if (attemptIsSettled("booked" in next ? { booked: true } : next)) attempts.settle(eventId);
    setPending(attempts.pending(eventId));
    setOutcome(next);
  }

  const here = `/event/?id=${encodeURIComponent(eventId)}`;
  return (
    <section aria-labelledby="booking-title" className="booking">
      <h2 id="booking-title">{m.booking.title}</h2>
      {outcome && "booked" in outcome && (
        <StatusMessage>
          {m.booking.booked(outcome.booked, f.count(outcome.booked))} <Link href="/bookings/">{m.booking.seeBookings}</Link>
        </StatusMessage>
      )}
      {outcome && "error" in outcome && <ErrorAlert>{errorMessage(outcome.error, m.errors, m.booking.errors)}</ErrorAlert>}
      {status !== "PUBLISHED" ? (
        <p>{m.booking.notOnSale}</p>
      ) : maxQuantity < 1 ? (
        <p>{m.seats.soldOut}</p>
      ) : !user ? (
        <p>
          <Link className="button" href={`/sign-in/?next=${encodeURIComponent(here)}`}>
            {m.booking.signInToBook}
          </Link>
        </p>
      ) : (
        <>
          {pending && <p className="alert">{m.booking.pending}</p>}
          <form onSubmit={book} className="booking-form">
            <label>
              {m.booking.quantity}
              <select value={chosen} onChange={(e) => setQuantity(Number(e.target.value))}>
                {Array.from({ length: maxQuantity }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {f.count(n)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={fetching}>
              {fetching ? m.booking.submitting : m.booking.submit}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
