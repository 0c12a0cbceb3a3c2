import { describe, expect, it } from "vitest";
import { CombinedError } from "urql";
import { en } from "@/i18n/en";
import { ja } from "@/i18n/ja";
import { ERROR_CODES, errorKind, errorMessage } from "./errors";

function graphqlError(code: unknown): CombinedError {
  return new CombinedError({ graphQLErrors: [{ message: "server's words", extensions: { code } }] });
}

describe("errorKind", () => {
  it.each(ERROR_CODES)("takes %s from extensions.code", (code) => {
    expect(errorKind(graphqlError(code))).toBe(code);
  });

  it("is NETWORK when no GraphQL answer came back", () => {
    expect(errorKind(new CombinedError({ networkError: new Error("Failed to fetch") }))).toBe("NETWORK");
  });

  it("is UNKNOWN for a code this build does not know, or none", () => {
    expect(errorKind(graphqlError("TEAPOT"))).toBe("UNKNOWN");
    expect(errorKind(new CombinedError({ graphQLErrors: [{ message: "no code" }] }))).toBe("UNKNOWN");
  });

  it("goes by the first error", () => {
    const error = new CombinedError({
      graphQLErrors: [
        { message: "a", extensions: { code: "SOLD_OUT" } },
        { message: "b", extensions: { code: "INTERNAL" } },
      ],
    });
    expect(errorKind(error)).toBe("SOLD_OUT");
  });
});

describe("errorMessage", () => {
  it("prefers what the operation says about its own codes", () => {
    expect(errorMessage("SOLD_OUT", en.errors, en.booking.errors)).toBe(en.booking.errors.SOLD_OUT);
    expect(errorMessage("SOLD_OUT", ja.errors, ja.booking.errors)).toBe(ja.booking.errors.SOLD_OUT);
  });

  it("falls back to the general message", () => {
    expect(errorMessage("INTERNAL", en.errors, en.booking.errors)).toBe(en.errors.INTERNAL);
    expect(errorMessage("NETWORK", ja.errors)).toBe(ja.errors.NETWORK);
  });

  it("has a message in every language for every kind", () => {
    for (const messages of [en.errors, ja.errors]) {
      for (const kind of [...ERROR_CODES, "NETWORK", "UNKNOWN"] as const) expect(messages[kind]).toMatch(/\S/);
    }
  });
});
