"use client";

import Link from "next/link";
import { useQuery } from "urql";
import { MyEventsDocument } from "@/graphql/generated/graphql";
import { useI18n } from "@/i18n/I18n";
import { PAGE_SIZE, PageItems, PagedList, type Page } from "@/ui/PagedList";
import { OrganizerOnly } from "./OrganizerOnly";
import { SeatsSold, StatusBadge } from "./StatusBadge";

export function MyEvents() {
  const { m } = useI18n();
  return (
    <section aria-labelledby="my-events-title">
      <h1 id="my-events-title">{m.organizer.title}</h1>
      <OrganizerOnly here="/organizer/">
        <p>
          <Link className="button" href="/organizer/new/">
            {m.organizer.create}
          </Link>
        </p>
        <PagedList page={(where) => <EventsPage {...where} />} />
      </OrganizerOnly>
    </section>
  );
}

function EventsPage(page: Page) {
  const { m, f } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: MyEventsDocument, variables: { first: PAGE_SIZE, after: page.after } });
  return (
    <PageItems page={page} fetching={fetching} error={error} errors={m.organizer.errors} connection={data?.myEvents}
      none={m.organizer.none} more={m.organizer.more} item={(node) => (
        <li className="card">
          <h2>
            <Link href={`/organizer/event/?id=${encodeURIComponent(node.id)}`}>{node.title}</Link>
          </h2>
          <p>
            <time dateTime={node.startsAt}>{f.dateTime(node.startsAt)}</time> · {node.venue}
          </p>
          <p>
            <StatusBadge status={node.status} /> · <SeatsSold capacity={node.capacity} seatsRemaining={node.seatsRemaining} />
          </p>
        </li>
      )} />
  );
}
