"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/i18n/I18n";
import { ErrorAlert, StatusMessage } from "@/ui/Alerts";
import { useSession } from "./Session";
import { useAuthAction } from "./useAuthAction";

export function ConfirmEmail() {
  const { m } = useI18n();
  const { cognito } = useSession();
  const [email, setEmail] = useState(useSearchParams().get("email") ?? "");
  const [done, setDone] = useState<"confirmed" | "resent">();
  const { busy, error, run } = useAuthAction();

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code")).trim();
    if (await run(() => cognito.confirm(email, code))) setDone("confirmed");
  }

  async function resend() {
    if (await run(() => cognito.resendCode(email))) setDone("resent");
  }

  return (
    <section aria-labelledby="confirm-title" className="narrow">
      <h1 id="confirm-title">{m.auth.confirmTitle}</h1>
      {email && <p>{m.auth.confirmIntro(email)}</p>}
      {error && <ErrorAlert>{m.auth.errors[error]}</ErrorAlert>}
      {done === "confirmed" ? (
        <StatusMessage>
          {m.auth.confirmed} <Link href={`/sign-in/?email=${encodeURIComponent(email)}`}>{m.nav.signIn}</Link>
        </StatusMessage>
      ) : (
        <>
          {done === "resent" && <StatusMessage>{m.auth.resent}</StatusMessage>}
          <form onSubmit={confirm} className="stack">
            <label>
              {m.auth.email}
              <input name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
            </label>
            <label>
              {m.auth.code}
              <input name="code" inputMode="numeric" autoComplete="one-time-code" required />
            </label>
            <button type="submit" disabled={busy}>
              {busy ? m.auth.working : m.auth.confirmSubmit}
            </button>
          </form>
          <p>
            <button type="button" className="link-button" disabled={busy || !email} onClick={resend}>
              {m.auth.resend}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
