"use client";

import type { FormEvent, ReactNode } from "react";
import { useI18n } from "@/i18n/I18n";
import { ErrorAlert } from "@/ui/Alerts";
import type { AuthErrorKind } from "./authErrors";

/** A sign-in, sign-up or confirmation page: its title, Cognito's refusal in the visitor's words, and what follows. */
export function AuthPage({ id, title, error, children }: { id: string; title: string; error?: AuthErrorKind; children: ReactNode }) {
  const { m } = useI18n();
  return (
    <section aria-labelledby={id} className="narrow">
      <h1 id={id}>{title}</h1>
      {error && <ErrorAlert>{m.auth.errors[error]}</ErrorAlert>}
      {children}
    </section>
  );
}

/** The form of such a page, its submit button saying so while Cognito answers. */
export function AuthForm({ busy, submitLabel, onSubmit, children }: {
  busy: boolean;
  submitLabel: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const { m } = useI18n();
  return (
    <form onSubmit={onSubmit} className="stack">
      {children}
      <button type="submit" disabled={busy}>
        {busy ? m.auth.working : submitLabel}
      </button>
    </form>
  );
}

/** The e-mail address, which is the user name: kept by the page when it carries it on (to the confirmation, to signing in). */
export function EmailField({ autoComplete, value, onChange }: {
  autoComplete: "email" | "username";
  value?: string;
  onChange?: (value: string) => void;
}) {
  const { m } = useI18n();
  return (
    <label>
      {m.auth.email}
      <input name="email" type="email" autoComplete={autoComplete} required value={value}
        onChange={onChange && ((event) => onChange(event.target.value))} />
    </label>
  );
}
