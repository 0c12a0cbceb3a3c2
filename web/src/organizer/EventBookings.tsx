"use client";

import { useQuery } from "urql";
import { BookingStatusBadge } from "@/bookings/BookingStatusBadge";
import { EventBookingsDocument } from "@/graphql/generated/graphql";
import { useI18n } from "@/i18n/I18n";
import { PAGE_SIZE, PageItems, PagedList, type Page } from "@/ui/PagedList";

/** The event's bookings, newest first, for its organizer; "show more" pages on by the cursor. */
export function EventBookings({ eventId }: { eventId: string }) {
  const { m } = useI18n();
  return (
    <section aria-labelledby="event-bookings-title">
      <h2 id="event-bookings-title">{m.eventBookings.title}</h2>
      <PagedList page={(where) => <BookingsPage eventId={eventId} {...where} />} />
    </section>
  );
}

function BookingsPage({ eventId, ...page }: Page & { eventId: string }) {
  const { m, f } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: EventBookingsDocument,
    variables: { id: eventId, first: PAGE_SIZE, after: page.after },
  });
  return (
    <PageItems page={page} fetching={fetching} error={error} errors={m.organizer.errors} connection={data?.event?.bookings}
      none={m.eventBookings.none} more={m.bookings.more} item={(node) => (
        <li className="card">
          <p>
            {m.bookings.seats(node.quantity, f.count(node.quantity))} ·{" "}
            <BookingStatusBadge booking={node} />
          </p>
          <p className="muted">{m.bookings.booked(f.dateTime(node.createdAt))}</p>
        </li>
      )} />
  );
}
