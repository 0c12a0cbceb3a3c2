export type AuthErrorKind =
  | "wrongCredentials"
  | "notConfirmed"
  | "exists"
  | "weakPassword"
  | "wrongCode"
  | "expiredCode"
  | "tooManyAttempts"
  | "invalid"
  | "network"
  | "unknown";

const BY_COGNITO_CODE: Record<string, AuthErrorKind> = {
  NotAuthorizedException: "wrongCredentials",
  UserNotFoundException: "wrongCredentials",
  UserNotConfirmedException: "notConfirmed",
  UsernameExistsException: "exists",
  InvalidPasswordException: "weakPassword",
  CodeMismatchException: "wrongCode",
  ExpiredCodeException: "expiredCode",
  LimitExceededException: "tooManyAttempts",
  TooManyRequestsException: "tooManyAttempts",
  TooManyFailedAttemptsException: "tooManyAttempts",
  InvalidParameterException: "invalid",
  NetworkError: "network",
};

/** amazon-cognito-identity-js fails with Cognito's error type in `code` (or `name`). */
export function authErrorKind(error: unknown): AuthErrorKind {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  for (const candidate of [code, name]) {
    if (typeof candidate === "string" && candidate in BY_COGNITO_CODE) return BY_COGNITO_CODE[candidate];
  }
  return "unknown";
}

/** At sign-in no password is being chosen: cognito-local answers a wrong one with InvalidPasswordException. */
export function signInErrorKind(error: unknown): AuthErrorKind {
  const kind = authErrorKind(error);
  return kind === "weakPassword" ? "wrongCredentials" : kind;
}
