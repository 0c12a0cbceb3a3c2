"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/i18n/I18n";
import { AuthForm, AuthPage, EmailField } from "./AuthPage";
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
    <AuthPage id="sign-in-title" title={m.auth.signInTitle} error={error}>
      {error === "notConfirmed" && (
        <p>
          <Link href={`/confirm/?email=${encodeURIComponent(email)}`}>{m.auth.confirmTitle}</Link>
        </p>
      )}
      <AuthForm busy={busy} submitLabel={m.auth.signInSubmit} onSubmit={submit}>
        <EmailField autoComplete="username" value={email} onChange={setEmail} />
        <label>
          {m.auth.password}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
      </AuthForm>
      <p>
        {m.auth.noAccount} <Link href="/sign-up/">{m.nav.signUp}</Link>
      </p>
    </AuthPage>
  );
}
