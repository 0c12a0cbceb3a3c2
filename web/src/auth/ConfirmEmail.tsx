"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/i18n/I18n";
import { StatusMessage } from "@/ui/Alerts";
import { AuthForm, AuthPage, EmailField } from "./AuthPage";
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
    <AuthPage id="confirm-title" title={m.auth.confirmTitle} error={error}>
      {email && <p>{m.auth.confirmIntro(email)}</p>}
      {done === "confirmed" ? (
        <StatusMessage>
          {m.auth.confirmed} <Link href={`/sign-in/?email=${encodeURIComponent(email)}`}>{m.nav.signIn}</Link>
        </StatusMessage>
      ) : (
        <>
          {done === "resent" && <StatusMessage>{m.auth.resent}</StatusMessage>}
          <AuthForm busy={busy} submitLabel={m.auth.confirmSubmit} onSubmit={confirm}>
            <EmailField autoComplete="username" value={email} onChange={setEmail} />
            <label>
              {m.auth.code}
              <input name="code" inputMode="numeric" autoComplete="one-time-code" required />
            </label>
          </AuthForm>
          <p>
            <button type="button" className="link-button" disabled={busy || !email} onClick={resend}>
              {m.auth.resend}
            </button>
          </p>
        </>
      )}
    </AuthPage>
  );
}
