"use client";

import Link from "next/link";
import { useState } from "react";
import { useQuery } from "urql";
import { MyEventsDocument } from "@/graphql/generated/graphql";
import { useI18n } from "@/i18n/I18n";
import { GraphqlErrorAlert } from "@/ui/Alerts";
import { LoadingItem } from "@/ui/Loading";
import { MoreItem } from "@/ui/MoreItem";
import { OrganizerOnly } from "./OrganizerOnly";
import { SeatsSold, StatusBadge } from "./StatusBadge";

const PAGE_SIZE = 20;

export function MyEvents() {
  const { m } = useI18n();
  // one query per page shown, each opened by the previous page's end cursor
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return (
    <section aria-labelledby="my-events-title">
      <h1 id="my-events-title">{m.organizer.title}</h1>
      <OrganizerOnly here="/organizer/">
        <p>
          <Link className="button" href="/organizer/new/">
            {m.organizer.create}
          </Link>
        </p>
        <ul className="booking-list">
          {cursors.map((after, i) => (
            <EventsPage
              key={after ?? ""}
              after={after}
              first={i === 0}
              onMore={i === cursors.length - 1 ? (cursor) => setCursors([...cursors, cursor]) : undefined}
            />
          ))}
        </ul>
      </OrganizerOnly>
    </section>
  );
}

function EventsPage(props: { after?: string; first: boolean; onMore?(cursor: string): void }) {
  const { m, f } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: MyEventsDocument, variables: { first: PAGE_SIZE, after: props.after } });
  if (error) return <li><GraphqlErrorAlert error={error} specific={m.organizer.errors} /></li>;
  if (fetching && !data) return <LoadingItem text={m.app.loading} />;
  const { edges, pageInfo } = data!.myEvents;
  return (
    <>
      {props.first && edges.length === 0 && <li>{m.organizer.none}</li>}
      {edges.map(({ node }) => (
        <li key={node.id} className="card">
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
      ))}
      <MoreItem label={m.organizer.more} pageInfo={pageInfo} onMore={props.onMore} />
    </>
  );
}
