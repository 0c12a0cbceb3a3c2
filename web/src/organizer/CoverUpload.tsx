"use client";

import { useRef, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { useConfig } from "@/auth/Session";
import { coverUrl } from "@/events/coverUrl";
import { ConfirmCoverUploadDocument, RequestCoverUploadDocument } from "@/graphql/generated/graphql";
import { errorMessage } from "@/graphql/errors";
import { useI18n } from "@/i18n/I18n";
import { ErrorAlert, StatusMessage } from "@/ui/Alerts";
import { COVER_TYPES, sendToStorage, uploadCover, type CoverOutcome } from "./coverUpload";

type Phase = { step: "idle" } | { step: "sending"; share: number } | { step: "checking" } | { step: "done"; outcome: CoverOutcome };

/** The event's cover, and a new one: checked here, sent to the presigned URL with progress, then checked and taken by the API. */
export function CoverUpload({ eventId, coverImageUrl, changeable }: { eventId: string; coverImageUrl: string | null; changeable: boolean }) {
  const { m, f } = useI18n();
  const config = useConfig();
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [, requestTicket] = useMutation(RequestCoverUploadDocument);
  const [, confirm] = useMutation(ConfirmCoverUploadDocument);
  const input = useRef<HTMLInputElement>(null);
  const sending = useRef(false);
  const busy = phase.step === "sending" || phase.step === "checking";

  async function upload(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    // the button is disabled only once the file is on its way: a second click while the ticket is asked for is ignored here
    if (!file || sending.current) return;
    sending.current = true;
    const outcome = await uploadCover(file, {
      requestTicket: (contentType, contentLength) => requestTicket({ eventId, contentType, contentLength }),
      send: (ticket) => {
        setPhase({ step: "sending", share: 0 });
        return sendToStorage(ticket, file, (share) => setPhase({ step: "sending", share }));
      },
      confirm: (uploadId) => {
        setPhase({ step: "checking" });
        return confirm({ eventId, uploadId });
      },
    });
    sending.current = false;
    if ("coverImageUrl" in outcome && input.current) input.current.value = "";
    setPhase({ step: "done", outcome });
  }

  // once the event is cancelled, what an upload before said is history
  const outcome = phase.step === "done" && changeable ? phase.outcome : undefined;
  return (
    <section aria-labelledby="cover-title">
      <h2 id="cover-title">{m.cover.title}</h2>
      {coverImageUrl ? (
        // alt="": the event's title says what the picture is of
        <img className="cover" src={coverUrl(coverImageUrl, config.mediaBaseUrl, window.location.href)} alt="" />
      ) : (
        <p className="muted">{m.cover.none}</p>
      )}
      {changeable && (
        <form onSubmit={upload} className="booking-form">
          <label>
            {m.cover.file}
            <input ref={input} name="cover" type="file" accept={COVER_TYPES.join(",")} required disabled={busy} />
          </label>
          <button type="submit" disabled={busy}>
            {m.cover.upload}
          </button>
        </form>
      )}
      {phase.step === "sending" && (
        <>
          {/* announced once; the bar's value is there for whoever asks */}
          <p role="status">{m.cover.uploading}</p>
          <p>
            <progress max={1} value={phase.share} aria-label={m.cover.progress} /> {f.percent(phase.share)}
          </p>
        </>
      )}
      {phase.step === "checking" && <p role="status">{m.cover.checking}</p>}
      {outcome && "coverImageUrl" in outcome && <StatusMessage>{m.cover.done}</StatusMessage>}
      {outcome && "refusal" in outcome && <ErrorAlert>{m.cover.refusals[outcome.refusal]}</ErrorAlert>}
      {outcome && "error" in outcome && <ErrorAlert>{errorMessage(outcome.error, m.errors, { ...m.organizer.errors, ...m.cover.errors })}</ErrorAlert>}
    </section>
  );
}
