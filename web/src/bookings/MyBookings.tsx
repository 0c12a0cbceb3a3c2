"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useMutation, useQuery } from "urql";
import { useSession } from "@/auth/Session";
import { CancelBookingDocument, MyBookingsDocument, type MyBookingsQuery } from "@/graphql/generated/graphql";
import { useI18n } from "@/i18n/I18n";
import { GraphqlErrorAlert } from "@/ui/Alerts";
import { PAGE_SIZE, PageItems, PagedList, type Page } from "@/ui/PagedList";
import { ConfirmDialog } from "@/ui/ConfirmDialog";
import { BookingStatusBadge } from "./BookingStatusBadge";

type Booking = MyBookingsQuery["myBookings"]["edges"][number]["node"];

export function MyBookings() {
  const { m } = useI18n();
  const { user } = useSession();
  // how many bookings were cancelled here: each one moves focus to the notice, since its button is gone
  const [cancelled, setCancelled] = useState(0);
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (cancelled > 0) notice.current?.focus();
  }, [cancelled]);
  return (
    <section aria-labelledby="bookings-title">
      <h1 id="bookings-title">{m.bookings.title}</h1>
      {!user ? (
        <p>
          <Link href={`/sign-in/?next=${encodeURIComponent("/bookings/")}`}>{m.bookings.signInFirst}</Link>
        </p>
      ) : (
        <>
          {cancelled > 0 && (
            <p ref={notice} tabIndex={-1} className="alert success" role="status">
              {m.bookings.cancelled}
            </p>
          )}
          <PagedList page={(where) => <BookingsPage {...where} onCancelled={() => setCancelled((n) => n + 1)} />} />
        </>
      )}
    </section>
  );
}

function BookingsPage({ onCancelled, ...page }: Page & { onCancelled(): void }) {
  const { m } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: MyBookingsDocument, variables: { first: PAGE_SIZE, after: page.after } });
  return (
    <PageItems page={page} fetching={fetching} error={error} connection={data?.myBookings} none={m.bookings.none}
      more={m.bookings.more} item={(node) => <BookingItem booking={node} onCancelled={onCancelled} />} />
  );
}

function BookingItem({ booking, onCancelled }: { booking: Booking; onCancelled(): void }) {
  const { m, f } = useI18n();
  const [asking, setAsking] = useState(false);
  const [{ fetching, error }, cancelBooking] = useMutation(CancelBookingDocument);
  const seats = m.bookings.seats(booking.quantity, f.count(booking.quantity));

  async function cancel() {
    setAsking(false);
    const result = await cancelBooking({ id: booking.id });
    if (!result.error) onCancelled();
  }

  return (
    <li className="card">
      <h2>
        <Link href={`/event/?id=${encodeURIComponent(booking.event.id)}`}>{booking.event.title}</Link>
      </h2>
      <p>
        <time dateTime={booking.event.startsAt}>{f.dateTime(booking.event.startsAt)}</time> · {booking.event.venue}
      </p>
      <p>
        {seats} ·{" "}
        <BookingStatusBadge booking={booking} />
      </p>
      <p className="muted">{m.bookings.booked(f.dateTime(booking.createdAt))}</p>
      {error && <GraphqlErrorAlert error={error} specific={m.bookings.errors} />}
      {booking.status === "CONFIRMED" && (
        <button type="button" className="danger" disabled={fetching} onClick={() => setAsking(true)}>
          {m.bookings.cancel}
        </button>
      )}
      <ConfirmDialog
          open={asking}
          title={m.bookings.confirmTitle}
          text={m.bookings.confirmText(seats, booking.event.title)}
          confirm={m.bookings.confirmYes}
          dismiss={m.bookings.confirmNo}
          onConfirm={cancel}
          onDismiss={() => setAsking(false)}
        />
    </li>
  );
}
