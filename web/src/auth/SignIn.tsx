"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/i18n/I18n";
import { ErrorAlert } from "@/ui/Alerts";
import { signInErrorKind } from "./authErrors";
import { nextPath } from "./nextPath";
import { useSession } from "./Session";
import { useAuthAction } from "./useAuthAction";

export function SignIn() {
  const { m } = useI18n();
  const { signIn } = useSession();
  const router = useRouter();
  const params = useSearchParams();
  const [email, setEmail] = useState(params.get("email") ?? "");
  const { busy, error, run } = useAuthAction(signInErrorKind);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password"));
    if (await run(() => signIn(email, password))) router.push(nextPath(params.get("next")));
  }

  return (
    <section aria-labelledby="sign-in-title" className="narrow">
      <h1 id="sign-in-title">{m.auth.signInTitle}</h1>
      {error && <ErrorAlert>{m.auth.errors[error]}</ErrorAlert>}
      {error === "notConfirmed" && (
        <p>
          <Link href={`/confirm/?email=${encodeURIComponent(email)}`}>{m.auth.confirmTitle}</Link>
        </p>
      )}
      <form onSubmit={submit} className="stack">
        <label>
          {m.auth.email}
          <input name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {m.auth.password}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? m.auth.working : m.auth.signInSubmit}
        </button>
      </form>
      <p>
        {m.auth.noAccount} <Link href="/sign-up/">{m.nav.signUp}</Link>
      </p>
    </section>
  );
}
