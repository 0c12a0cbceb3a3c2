import { describe, expect, it } from "vitest";
import { authErrorKind, signInErrorKind } from "./authErrors";
import { nextPath } from "./nextPath";
import { isOrganizer } from "./roles";

function cognitoError(code: string): Error {
  return Object.assign(new Error("Cognito's words"), { code, name: code });
}

describe("authErrorKind", () => {
  it.each([
    ["NotAuthorizedException", "wrongCredentials"],
    ["UserNotFoundException", "wrongCredentials"],
    ["UserNotConfirmedException", "notConfirmed"],
    ["UsernameExistsException", "exists"],
    ["InvalidPasswordException", "weakPassword"],
    ["CodeMismatchException", "wrongCode"],
    ["ExpiredCodeException", "expiredCode"],
    ["LimitExceededException", "tooManyAttempts"],
    ["NetworkError", "network"],
  ])("maps %s to %s", (code, kind) => {
    expect(authErrorKind(cognitoError(code))).toBe(kind);
  });

  it("is unknown for anything else", () => {
    expect(authErrorKind(cognitoError("SomethingNewException"))).toBe("unknown");
    expect(authErrorKind(new Error("plain"))).toBe("unknown");
    expect(authErrorKind(undefined)).toBe("unknown");
  });
});

describe("signInErrorKind", () => {
  it("reads a refused password at sign-in as wrong credentials, not as a weak new one", () => {
    expect(signInErrorKind(cognitoError("InvalidPasswordException"))).toBe("wrongCredentials");
    expect(signInErrorKind(cognitoError("UserNotConfirmedException"))).toBe("notConfirmed");
  });
});

describe("nextPath", () => {
  it("goes back to a page of this site", () => {
    expect(nextPath("/event/?id=e1")).toBe("/event/?id=e1");
  });

  it("never leaves the site", () => {
    for (const next of ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", null]) {
      expect(nextPath(next)).toBe("/");
    }
  });
});

describe("isOrganizer", () => {
  it("is an organizer in the organizers group of the access token", () => {
    expect(isOrganizer({ "cognito:groups": ["organizers"] })).toBe(true);
    expect(isOrganizer({ "cognito:groups": ["beta", "organizers"] })).toBe(true);
  });

  it("is not without the group, or without groups", () => {
    expect(isOrganizer({ "cognito:groups": ["attendees"] })).toBe(false);
    expect(isOrganizer({ "cognito:groups": "organizers" })).toBe(false);
    expect(isOrganizer({})).toBe(false);
  });
});
