"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "urql";
import { CreateEventDocument } from "@/graphql/generated/graphql";
import { useI18n } from "@/i18n/I18n";
import { createInput } from "./eventForm";
import { EventForm } from "./EventForm";
import { OrganizerOnly } from "./OrganizerOnly";

export function NewEvent() {
  const { m } = useI18n();
  const router = useRouter();
  const [, createEvent] = useMutation(CreateEventDocument);
  return (
    <section aria-labelledby="new-event-title" className="narrow">
      <p>
        <Link href="/organizer/">← {m.nav.myEvents}</Link>
      </p>
      <h1 id="new-event-title">{m.eventForm.createTitle}</h1>
      <OrganizerOnly here="/organizer/new/">
        <EventForm
          onSave={async (values) => {
            const result = await createEvent({ input: createInput(values) });
            if (result.data) router.push(`/organizer/event/?id=${encodeURIComponent(result.data.createEvent.id)}`);
            return result.error;
          }}
        />
      </OrganizerOnly>
    </section>
  );
}
