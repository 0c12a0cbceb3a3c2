"use client";

import type { CombinedError } from "urql";
import { errorKind, errorMessage, type ErrorKind } from "@/graphql/errors";
import { useI18n } from "@/i18n/I18n";

/** Announced as soon as it appears (role="alert"). */
export function ErrorAlert({ children }: { children: string }) {
  return (
    <p className="alert error" role="alert">
      {children}
    </p>
  );
}

/** A GraphQL failure in the visitor's language, by its code; `specific` words the codes this operation expects. */
export function GraphqlErrorAlert({ error, specific }: { error: CombinedError; specific?: Partial<Record<ErrorKind, string>> }) {
  const { m } = useI18n();
  return <ErrorAlert>{errorMessage(errorKind(error), m.errors, specific)}</ErrorAlert>;
}

/** Announced politely (role="status"). */
export function StatusMessage({ children }: { children: React.ReactNode }) {
  return (
    <p className="alert success" role="status">
      {children}
    </p>
  );
}
