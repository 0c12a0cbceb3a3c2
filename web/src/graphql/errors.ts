import type { CombinedError } from "urql";

/** The codes of docs/contract.md, plus what a failed request without a GraphQL answer is. */
export const ERROR_CODES = [
  "BAD_REQUEST",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "SOLD_OUT",
  "EVENT_NOT_BOOKABLE",
  "CONFLICT",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
/** NETWORK: no GraphQL answer at all (offline, timeout, HTTP error); UNKNOWN: a code this build does not know. */
export type ErrorKind = ErrorCode | "NETWORK" | "UNKNOWN";

export function errorKind(error: CombinedError): ErrorKind {
  const code = error.graphQLErrors[0]?.extensions?.code;
  if (typeof code === "string") return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : "UNKNOWN";
  return error.networkError ? "NETWORK" : "UNKNOWN";
}

/** A message per kind; callers may say something more specific for the kinds their operation expects. */
export function errorMessage(
  kind: ErrorKind,
  messages: Record<ErrorKind, string>,
  specific: Partial<Record<ErrorKind, string>> = {},
): string {
  return specific[kind] ?? messages[kind];
}
