import type { CombinedError } from "urql";
import type { CreateEventInput, UpdateEventInput } from "@/graphql/generated/graphql";

/** The fields of an event's form, named as in CreateEventInput (and in the API's extensions.fields). */
export const EVENT_FIELDS = ["title", "description", "venue", "startsAt", "endsAt", "capacity"] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

/** What the form holds: text as typed, times as <input type="datetime-local"> values in the organizer's zone. */
export type EventFormValues = Record<EventField, string>;

/** docs/contract.md's rules; the API checks them again and has the last word. */
export const EVENT_RULES = {
  titleMax: 120,
  descriptionMax: 5000,
  venueMax: 200,
  capacityMax: 100_000,
} as const;

export const EMPTY_EVENT_FORM: EventFormValues = { title: "", description: "", venue: "", startsAt: "", endsAt: "", capacity: "" };

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a datetime-local value ("2026-12-24T19:00") in this browser's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value, read in this browser's time zone, as the instant the API takes; undefined if it is not one. */
export function fromLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

export function formValues(event: Pick<CreateEventInput, EventField>): EventFormValues {
  return {
    title: event.title,
    description: event.description,
    venue: event.venue,
    startsAt: toLocalInput(event.startsAt),
    endsAt: toLocalInput(event.endsAt),
    capacity: String(event.capacity),
  };
}

/**
 * The fields that break the contract's rules, in the form's order. The schedule is checked only when
 * it is being set (`scheduleChanged`): an event that has started may still get a new title.
 */
export function invalidFields(values: EventFormValues, now: Date, scheduleChanged = true): EventField[] {
  const length = (value: string, min: number, max: number) => value.trim().length >= min && value.trim().length <= max;
  const startsAt = fromLocalInput(values.startsAt);
  const endsAt = fromLocalInput(values.endsAt);
  const capacity = Number(values.capacity);
  const invalid: Record<EventField, boolean> = {
    title: !length(values.title, 1, EVENT_RULES.titleMax),
    description: !length(values.description, 0, EVENT_RULES.descriptionMax),
    venue: !length(values.venue, 1, EVENT_RULES.venueMax),
    startsAt: !startsAt || (scheduleChanged && Date.parse(startsAt) <= now.getTime()),
    endsAt: !endsAt || (scheduleChanged && startsAt !== undefined && Date.parse(endsAt) <= Date.parse(startsAt)),
    capacity: !/^\d+$/.test(values.capacity.trim()) || capacity < 1 || capacity > EVENT_RULES.capacityMax,
  };
  return EVENT_FIELDS.filter((field) => invalid[field]);
}

/** The input for createEvent; only for values that passed invalidFields. */
export function createInput(values: EventFormValues): CreateEventInput {
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    venue: values.venue.trim(),
    startsAt: fromLocalInput(values.startsAt)!,
    endsAt: fromLocalInput(values.endsAt)!,
    capacity: Number(values.capacity),
  };
}

/** The fields whose values differ from the event's (spaces around text do not count). */
export function changedFields(original: EventFormValues, values: EventFormValues): EventField[] {
  return EVENT_FIELDS.filter((field) => original[field].trim() !== values[field].trim());
}

/** Whether the schedule is among the changes, so that only then it is checked. */
export function scheduleChanged(original: EventFormValues, values: EventFormValues): boolean {
  return changedFields(original, values).some((field) => field === "startsAt" || field === "endsAt");
}

/** The input for updateEvent: only what changed, since a field left out stays as it is (and an unchanged past start is not refused). */
export function updateInput(original: EventFormValues, values: EventFormValues): UpdateEventInput {
  const full = createInput(values);
  return Object.fromEntries(changedFields(original, values).map((field) => [field, full[field]]));
}

/**
 * Those of `fields` that an API error names in extensions.fields ([{ field, message }]), in the order
 * of `fields`; the server's messages are not shown, the page words each field's rule itself.
 */
export function fieldsInError<F extends string>(error: CombinedError, fields: readonly F[]): F[] {
  const named = new Set(
    error.graphQLErrors.flatMap((e) => {
      const list = e.extensions?.fields;
      return Array.isArray(list) ? list.map((entry) => (entry as { field?: unknown })?.field).filter((f) => typeof f === "string") : [];
    }),
  );
  return fields.filter((field) => named.has(field));
}
