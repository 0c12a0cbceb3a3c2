"use client";

import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { useQuery } from "urql";
import { UpcomingEventsDocument } from "@/graphql/generated/graphql";
import { useI18n } from "@/i18n/I18n";
import { GraphqlErrorAlert } from "@/ui/Alerts";
import { SeatsBadge } from "./SeatsBadge";

const PAGE_SIZE = 12;

type Filter = { search: string; fromDate: string };

/** A date picked in the visitor's calendar is from that day's start in their time zone. */
function startOfLocalDay(date: string): string | undefined {
  return date ? new Date(`${date}T00:00`).toISOString() : undefined;
}

export function UpcomingEvents() {
  const { m, f } = useI18n();
  const [filter, setFilter] = useState<Filter>({ search: "", fromDate: "" });
  // the cursors that opened each page so far; the first page has none
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const heading = useRef<HTMLHeadingElement>(null);

  const [{ data, fetching, error }] = useQuery({
    query: UpcomingEventsDocument,
    variables: {
      first: PAGE_SIZE,
      after: cursors.at(-1),
      search: filter.search.trim() || undefined,
      from: startOfLocalDay(filter.fromDate),
    },
  });

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFilter({ search: String(form.get("search") ?? ""), fromDate: String(form.get("from") ?? "") });
    setCursors([undefined]);
  }

  function reset() {
    setFilter({ search: "", fromDate: "" });
    setCursors([undefined]);
  }

  function turnPage(next: (string | undefined)[]) {
    setCursors(next);
    heading.current?.focus();
  }

  const events = data?.events.edges ?? [];
  const pageInfo = data?.events.pageInfo;
  return (
    <section aria-labelledby="events-title">
      <h1 id="events-title">{m.events.title}</h1>
      <form className="filters" role="search" onSubmit={apply} onReset={reset}>
        <label>
          {m.events.search}
          <input name="search" type="search" placeholder={m.events.searchPlaceholder} maxLength={120} />
        </label>
        <label>
          {m.events.from}
          <input name="from" type="date" />
        </label>
        <div className="actions">
          <button type="submit">{m.events.apply}</button>
          <button type="reset" className="secondary">
            {m.events.reset}
          </button>
        </div>
      </form>

      <h2 ref={heading} tabIndex={-1} className="results-heading">
        {m.events.results} · {m.events.page(f.count(cursors.length))}
      </h2>
      {error && <GraphqlErrorAlert error={error} />}
      {fetching && !data && <p role="status">{m.app.loading}</p>}
      {data && events.length === 0 && <p role="status">{m.events.none}</p>}
      <ul className="event-list" aria-busy={fetching}>
        {events.map(({ node }) => (
          <li key={node.id} className="card">
            <h3>
              <Link href={`/event/?id=${encodeURIComponent(node.id)}`}>{node.title}</Link>
            </h3>
            <p>
              <time dateTime={node.startsAt}>{f.dateTime(node.startsAt)}</time>
            </p>
            <p>{node.venue}</p>
            <SeatsBadge seatsRemaining={node.seatsRemaining} />
          </li>
        ))}
      </ul>
      <nav className="pager" aria-label={m.events.results}>
        <button type="button" className="secondary" disabled={cursors.length === 1} onClick={() => turnPage(cursors.slice(0, -1))}>
          {m.events.previous}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!pageInfo?.hasNextPage || !pageInfo.endCursor}
          onClick={() => turnPage([...cursors, pageInfo!.endCursor!])}
        >
          {m.events.next}
        </button>
      </nav>
    </section>
  );
}
