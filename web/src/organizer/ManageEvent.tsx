"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { useMutation, useQuery, type CombinedError } from "urql";
import { CancelEventDocument, ManagedEventDocument, PublishEventDocument, UpdateEventDocument, type ManagedEventFieldsFragment } from "@/graphql/generated/graphql";
import { useI18n } from "@/i18n/I18n";
import { ErrorAlert, GraphqlErrorAlert } from "@/ui/Alerts";
import { ConfirmDialog } from "@/ui/ConfirmDialog";
import { CoverUpload } from "./CoverUpload";
import { EventBookings } from "./EventBookings";
import { fieldsInError, formValues, updateInput } from "./eventForm";
import { EventForm } from "./EventForm";
import { OrganizerOnly } from "./OrganizerOnly";
import { SeatsSold, StatusBadge } from "./StatusBadge";

/** The API's limit on a cancellation's reason. */
const REASON_MAX = 500;

/** /organizer/event/?id=…: one of the organizer's events, to change, publish, cancel, give a cover, and see its bookings. */
export function ManageEvent() {
  const { m } = useI18n();
  const id = useSearchParams().get("id") ?? "";
  return (
    <>
      <p>
        <Link href="/organizer/">← {m.nav.myEvents}</Link>
      </p>
      <OrganizerOnly here={`/organizer/event/?id=${encodeURIComponent(id)}`}>
        {id ? <Managed id={id} /> : <ErrorAlert>{m.organizer.errors.NOT_FOUND}</ErrorAlert>}
      </OrganizerOnly>
    </>
  );
}

function Managed({ id }: { id: string }) {
  const { m } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: ManagedEventDocument, variables: { id } });
  const [, updateEvent] = useMutation(UpdateEventDocument);
  // publishing and cancelling take their own buttons away: the notice then gets the focus
  const [notice, setNotice] = useState<string>();
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const event = data?.event;
  const original = useMemo(() => event && formValues(event), [event]);

  if (error) return <GraphqlErrorAlert error={error} specific={m.organizer.errors} />;
  if (fetching && !data) return <p role="status">{m.app.loading}</p>;
  if (!event || !original) return <ErrorAlert>{m.organizer.errors.NOT_FOUND}</ErrorAlert>;

  const changeable = event.status !== "CANCELLED";
  return (
    <article aria-labelledby="managed-title" className="event">
      <h1 id="managed-title">{event.title}</h1>
      <p>
        <StatusBadge status={event.status} /> · <SeatsSold capacity={event.capacity} seatsRemaining={event.seatsRemaining} /> ·{" "}
        <Link href={`/event/?id=${encodeURIComponent(event.id)}`}>{m.organizer.viewPublic}</Link>
      </p>
      {notice && (
        <p ref={noticeRef} tabIndex={-1} className="alert success" role="status">
          {notice}
        </p>
      )}
      {!changeable && <p className="alert">{m.manage.isCancelled}</p>}
      {event.status === "DRAFT" && <Publish id={event.id} onPublished={() => setNotice(m.manage.published)} />}
      <CoverUpload eventId={event.id} coverImageUrl={event.coverImageUrl} changeable={changeable} />
      {changeable && (
        <section aria-labelledby="details-title">
          <h2 id="details-title">{m.eventForm.editTitle}</h2>
          <EventForm
            original={original}
            onSave={async (values) => (await updateEvent({ id: event.id, input: updateInput(original, values) })).error}
          />
        </section>
      )}
      {changeable && <Cancel event={event} onCancelled={() => setNotice(m.manage.cancelled)} />}
      <EventBookings eventId={event.id} />
    </article>
  );
}

function Publish({ id, onPublished }: { id: string; onPublished(): void }) {
  const { m } = useI18n();
  const [{ fetching, error }, publishEvent] = useMutation(PublishEventDocument);
  return (
    <section aria-labelledby="publish-title">
      <h2 id="publish-title">{m.manage.publishTitle}</h2>
      <p>{m.manage.draftIntro}</p>
      {error && <GraphqlErrorAlert error={error} specific={m.organizer.errors} />}
      <button
        type="button"
        disabled={fetching}
        onClick={async () => {
          if (!(await publishEvent({ id })).error) onPublished();
        }}
      >
        {fetching ? m.manage.publishing : m.manage.publish}
      </button>
    </section>
  );
}

function Cancel({ event, onCancelled }: { event: ManagedEventFieldsFragment; onCancelled(): void }) {
  const { m, f } = useI18n();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [{ fetching }, cancelEvent] = useMutation(CancelEventDocument);
  const [error, setError] = useState<CombinedError>();
  const sold = m.bookings.seats(event.capacity - event.seatsRemaining, f.count(event.capacity - event.seatsRemaining));

  async function cancel() {
    setAsking(false);
    setError(undefined);
    const result = await cancelEvent({ id: event.id, reason: reason.trim() || undefined });
    if (result.error) setError(result.error);
    else onCancelled();
  }

  return (
    <section aria-labelledby="cancel-title">
      <h2 id="cancel-title">{m.manage.cancelTitle}</h2>
      <p>{m.manage.cancelIntro}</p>
      {error &&
        (fieldsInError(error, ["reason"]).length > 0 ? (
          <ErrorAlert>{m.manage.reasonInvalid}</ErrorAlert>
        ) : (
          <GraphqlErrorAlert error={error} specific={m.organizer.errors} />
        ))}
      <button type="button" className="danger" disabled={fetching} onClick={() => setAsking(true)}>
        {m.manage.cancel}
      </button>
      <ConfirmDialog
        open={asking}
        title={m.manage.confirmTitle}
        text={m.manage.confirmText(event.title, sold)}
        confirm={m.manage.confirmYes}
        dismiss={m.manage.confirmNo}
        onConfirm={cancel}
        onDismiss={() => setAsking(false)}
      >
        <label className="dialog-field">
          {m.manage.reason}
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={REASON_MAX} />
        </label>
      </ConfirmDialog>
    </section>
  );
}
