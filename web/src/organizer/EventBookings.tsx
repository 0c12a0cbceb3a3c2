"use client";

import { useState } from "react";
import { useQuery } from "urql";
import { BookingStatusBadge } from "@/bookings/BookingStatusBadge";
import { EventBookingsDocument } from "@/graphql/generated/graphql";
import { useI18n } from "@/i18n/I18n";
import { GraphqlErrorAlert } from "@/ui/Alerts";
import { LoadingItem } from "@/ui/Loading";
import { MoreItem } from "@/ui/MoreItem";

const PAGE_SIZE = 20;

/** The event's bookings, newest first, for its organizer; "show more" pages on by the cursor. */
export function EventBookings({ eventId }: { eventId: string }) {
  const { m } = useI18n();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return (
    <section aria-labelledby="event-bookings-title">
      <h2 id="event-bookings-title">{m.eventBookings.title}</h2>
      <ul className="booking-list">
        {cursors.map((after, i) => (
          <BookingsPage
            key={after ?? ""}
            eventId={eventId}
            after={after}
            first={i === 0}
            onMore={i === cursors.length - 1 ? (cursor) => setCursors([...cursors, cursor]) : undefined}
          />
        ))}
      </ul>
    </section>
  );
}

function BookingsPage(props: { eventId: string; after?: string; first: boolean; onMore?(cursor: string): void }) {
  const { m, f } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: EventBookingsDocument,
    variables: { id: props.eventId, first: PAGE_SIZE, after: props.after },
  });
  if (error) return <li><GraphqlErrorAlert error={error} specific={m.organizer.errors} /></li>;
  if (fetching && !data) return <LoadingItem text={m.app.loading} />;
  if (!data?.event) return null;
  const { edges, pageInfo } = data.event.bookings;
  return (
    <>
      {props.first && edges.length === 0 && <li>{m.eventBookings.none}</li>}
      {edges.map(({ node }) => (
        <li key={node.id} className="card">
          <p>
            {m.bookings.seats(node.quantity, f.count(node.quantity))} ·{" "}
            <BookingStatusBadge booking={node} />
          </p>
          <p className="muted">{m.bookings.booked(f.dateTime(node.createdAt))}</p>
        </li>
      ))}
      <MoreItem label={m.bookings.more} pageInfo={pageInfo} onMore={props.onMore} />
    </>
  );
}
