"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useMutation, useQuery } from "urql";
import { useSession } from "@/auth/Session";
import { CancelBookingDocument, MyBookingsDocument, type MyBookingsQuery } from "@/graphql/generated/graphql";
import { useI18n } from "@/i18n/I18n";
import { GraphqlErrorAlert } from "@/ui/Alerts";
import { LoadingItem } from "@/ui/Loading";
import { MoreItem } from "@/ui/MoreItem";
import { ConfirmDialog } from "@/ui/ConfirmDialog";
import { BookingStatusBadge } from "./BookingStatusBadge";

const PAGE_SIZE = 20;

type Booking = MyBookingsQuery["myBookings"]["edges"][number]["node"];

export function MyBookings() {
  const { m } = useI18n();
  const { user } = useSession();
  // one query per page shown, each opened by the previous page's end cursor
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
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
          <ul className="booking-list">
            {cursors.map((after, i) => (
              <BookingsPage
                key={after ?? ""}
                after={after}
                first={i === 0}
                onMore={i === cursors.length - 1 ? (cursor) => setCursors([...cursors, cursor]) : undefined}
                onCancelled={() => setCancelled((n) => n + 1)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function BookingsPage(props: { after?: string; first: boolean; onMore?(cursor: string): void; onCancelled(): void }) {
  const { m } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: MyBookingsDocument, variables: { first: PAGE_SIZE, after: props.after } });
  if (error) return <li><GraphqlErrorAlert error={error} /></li>;
  if (fetching && !data) return <LoadingItem text={m.app.loading} />;
  const { edges, pageInfo } = data!.myBookings;
  return (
    <>
      {props.first && edges.length === 0 && <li>{m.bookings.none}</li>}
      {edges.map(({ node }) => (
        <BookingItem key={node.id} booking={node} onCancelled={props.onCancelled} />
      ))}
      <MoreItem label={m.bookings.more} pageInfo={pageInfo} onMore={props.onMore} />
    </>
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
