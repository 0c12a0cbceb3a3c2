"use client";

import { useRef, useState, type FormEvent } from "react";
import type { CombinedError } from "urql";
import { useI18n } from "@/i18n/I18n";
import { GraphqlErrorAlert, StatusMessage } from "@/ui/Alerts";
import {
  changedFields,
  EMPTY_EVENT_FORM,
  EVENT_FIELDS,
  EVENT_RULES,
  fieldsInError,
  invalidFields,
  scheduleChanged,
  type EventField,
  type EventFormValues,
} from "./eventForm";

const inputId = (field: EventField) => `event-${field}`;
const errorId = (field: EventField) => `event-${field}-error`;

/**
 * An event's details, to create (no `original`) or to change. The rules are checked here first and by
 * the API again; the fields either names are marked, described and listed in an announced summary,
 * and the first of them gets the focus.
 */
export function EventForm({ original, onSave }: { original?: EventFormValues; onSave(values: EventFormValues): Promise<CombinedError | undefined> }) {
  const { m } = useI18n();
  const [values, setValues] = useState(original ?? EMPTY_EVENT_FORM);
  const [invalid, setInvalid] = useState<EventField[]>([]);
  const [error, setError] = useState<CombinedError>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  function showInvalid(fields: EventField[]) {
    setInvalid(fields);
    if (fields.length > 0) form.current?.querySelector<HTMLElement>(`#${inputId(fields[0])}`)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    // the state update that disables the button comes a render later than a fast second click (two drafts)
    if (sending.current) return;
    setError(undefined);
    setSaved(false);
    const problems = invalidFields(values, new Date(), !original || scheduleChanged(original, values));
    showInvalid(problems);
    if (problems.length > 0) return;
    sending.current = true;
    setBusy(true);
    const failure = await onSave(values);
    sending.current = false;
    setBusy(false);
    const named = failure ? fieldsInError(failure, EVENT_FIELDS) : [];
    if (!failure) setSaved(original !== undefined);
    else if (named.length > 0) showInvalid(named);
    else setError(failure);
  }

  const field = (name: EventField) => ({
    id: inputId(name),
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues({ ...values, [name]: e.target.value }),
    "aria-invalid": invalid.includes(name) || undefined,
    "aria-describedby": [invalid.includes(name) && errorId(name), (name === "startsAt" || name === "endsAt") && "event-zone"].filter(Boolean).join(" ") || undefined,
  });
  const fieldError = (name: EventField) =>
    invalid.includes(name) && (
      <p id={errorId(name)} className="field-error">
        {m.eventForm.invalid[name]}
      </p>
    );
  const unchanged = original !== undefined && changedFields(original, values).length === 0;

  return (
    <form ref={form} onSubmit={submit} className="stack" noValidate>
      {invalid.length > 0 && (
        <div className="alert error" role="alert">
          <p>{m.eventForm.check}</p>
          <ul>
            {invalid.map((name) => (
              <li key={name}>
                <a href={`#${inputId(name)}`}>{m.eventForm.invalid[name]}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && <GraphqlErrorAlert error={error} specific={m.organizer.errors} />}
      <div className="field">
        <label>
          {m.eventForm.title}
          <input {...field("title")} required maxLength={EVENT_RULES.titleMax} />
        </label>
        {fieldError("title")}
      </div>
      <div className="field">
        <label>
          {m.eventForm.description}
          <textarea {...field("description")} rows={6} maxLength={EVENT_RULES.descriptionMax} />
        </label>
        {fieldError("description")}
      </div>
      <div className="field">
        <label>
          {m.eventForm.venue}
          <input {...field("venue")} required maxLength={EVENT_RULES.venueMax} />
        </label>
        {fieldError("venue")}
      </div>
      <div className="schedule">
        <div className="field">
          <label>
            {m.eventForm.startsAt}
            <input {...field("startsAt")} type="datetime-local" required />
          </label>
          {fieldError("startsAt")}
        </div>
        <div className="field">
          <label>
            {m.eventForm.endsAt}
            <input {...field("endsAt")} type="datetime-local" required min={values.startsAt || undefined} />
          </label>
          {fieldError("endsAt")}
        </div>
        <p id="event-zone" className="muted">
          {m.eventForm.zone(zone)}
        </p>
      </div>
      <div className="field">
        <label>
          {m.eventForm.capacity}
          <input {...field("capacity")} type="number" inputMode="numeric" required min={1} max={EVENT_RULES.capacityMax} step={1} />
        </label>
        {fieldError("capacity")}
      </div>
      {saved && <StatusMessage>{m.eventForm.saved}</StatusMessage>}
      <div className="actions">
        <button type="submit" disabled={busy || unchanged}>
          {busy ? m.eventForm.saving : original ? m.eventForm.save : m.eventForm.create}
        </button>
      </div>
    </form>
  );
}
