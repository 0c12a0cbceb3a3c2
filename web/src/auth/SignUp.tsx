"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent } from "react";
import { useI18n } from "@/i18n/I18n";
import { AuthForm, AuthPage, EmailField } from "./AuthPage";
import { useSession } from "./Session";
import { useAuthAction } from "./useAuthAction";

export function SignUp() {
  const { m } = useI18n();
  const { cognito } = useSession();
  const router = useRouter();
  const { busy, error, run } = useAuthAction();

  // minLength and the rules shown are deploy-shared's KippuUserPool password policy; Cognito has the last word
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email"));
    if (await run(() => cognito.signUp(email, String(form.get("password"))))) {
      router.push(`/confirm/?email=${encodeURIComponent(email)}`);
    }
  }

  return (
    <AuthPage id="sign-up-title" title={m.auth.signUpTitle} error={error}>
      <AuthForm busy={busy} submitLabel={m.auth.signUpSubmit} onSubmit={submit}>
        <EmailField autoComplete="email" />
        <label>
          {m.auth.password}
          <input name="password" type="password" autoComplete="new-password" required minLength={10} aria-describedby="password-rules" />
        </label>
        <p id="password-rules" className="muted">
          {m.auth.passwordRules}
        </p>
      </AuthForm>
      <p>
        {m.auth.haveAccount} <Link href="/sign-in/">{m.nav.signIn}</Link>
      </p>
    </AuthPage>
  );
}
