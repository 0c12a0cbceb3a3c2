"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useQuery } from "urql";
import { useConfig } from "@/auth/Session";
import { BookingForm } from "@/booking/BookingForm";
import { EventDetailDocument } from "@/graphql/generated/graphql";
import { useI18n } from "@/i18n/I18n";
import { ErrorAlert, GraphqlErrorAlert } from "@/ui/Alerts";
import { coverUrl } from "./coverUrl";
import { SeatsBadge } from "./SeatsBadge";
import { useSeatAvailability } from "./useSeatAvailability";

export function EventPage() {
  const { m } = useI18n();
  const id = useSearchParams().get("id") ?? "";
  return (
    <>
      <p>
        <Link href="/">← {m.event.back}</Link>
      </p>
      {id ? <EventDetail id={id} /> : <ErrorAlert>{m.event.notFound}</ErrorAlert>}
    </>
  );
}

function EventDetail({ id }: { id: string }) {
  const { m, f } = useI18n();
  const config = useConfig();
  const [{ data, fetching, error }] = useQuery({ query: EventDetailDocument, variables: { id } });
  const { availability, mode } = useSeatAvailability(id);

  if (error) return <GraphqlErrorAlert error={error} />;
  if (fetching && !data) return <p role="status">{m.app.loading}</p>;
  const event = data?.event;
  if (!event) return <ErrorAlert>{m.event.notFound}</ErrorAlert>;

  const seatsRemaining = availability?.seatsRemaining ?? event.seatsRemaining;
  const status = availability?.status ?? event.status;
  return (
    <article aria-labelledby="event-title" className="event">
      {event.coverImageUrl && (
        // alt="": the title beside it says what the picture is of
        <img className="cover" src={coverUrl(event.coverImageUrl, config.mediaBaseUrl, window.location.href)} alt="" />
      )}
      <h1 id="event-title">{event.title}</h1>
      {status === "CANCELLED" && <ErrorAlert>{m.event.cancelled}</ErrorAlert>}
      {status === "DRAFT" && <p className="alert">{m.event.draft}</p>}
      <dl className="facts">
        <dt>{m.event.when}</dt>
        <dd>
          <time dateTime={event.startsAt}>{f.timeRange(event.startsAt, event.endsAt)}</time>
        </dd>
        <dt>{m.event.venue}</dt>
        <dd>{event.venue}</dd>
        {event.organizer.displayName && (
          <>
            <dt>{m.event.organizer}</dt>
            <dd>{event.organizer.displayName}</dd>
          </>
        )}
        <dt>{m.event.seats}</dt>
        <dd>
          <span aria-live="polite">
            <SeatsBadge seatsRemaining={seatsRemaining} />
          </span>{" "}
          {m.seats.ofCapacity(f.count(event.capacity))}
          <small className="live">
            {mode.kind === "subscription" ? m.seats.live : m.seats.polled(f.count(mode.intervalMs / 1000))}
          </small>
        </dd>
      </dl>
      <div className="description">{event.description}</div>
      <BookingForm eventId={event.id} seatsRemaining={seatsRemaining} status={status} />
    </article>
  );
}
