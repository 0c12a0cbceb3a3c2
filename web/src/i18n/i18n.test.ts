import { describe, expect, it } from "vitest";
import { en } from "./en";
import { formatter } from "./format";
import { ja } from "./ja";
import { detectLocale } from "./locale";

describe("detectLocale", () => {
  it("keeps the visitor's own choice", () => {
    expect(detectLocale("ja", ["en-US"])).toBe("ja");
  });

  it("takes the first browser language it speaks", () => {
    expect(detectLocale(null, ["ja-JP", "en-US"])).toBe("ja");
    expect(detectLocale(null, ["fr-FR", "en-GB", "ja"])).toBe("en");
    expect(detectLocale(null, ["de", "JA"])).toBe("ja");
  });

  it("ignores a stored value it does not know, and falls back to English", () => {
    expect(detectLocale("fr", ["ko-KR"])).toBe("en");
    expect(detectLocale(null, [])).toBe("en");
  });
});

describe("formatter", () => {
  // ICU puts narrow and thin no-break spaces in English times; the words are what matter here
  const plain = (text: string) => text.replace(/\s/gu, " ");
  const start = "2026-12-24T10:00:00Z";
  const end = "2026-12-24T12:30:00Z";

  it("writes dates the Japanese way in Japanese, in the visitor's zone", () => {
    expect(formatter("ja", "Asia/Tokyo").dateTime(start)).toBe("2026年12月24日(木) 19:00 JST");
  });

  it("writes dates the English way in English", () => {
    expect(plain(formatter("en", "Asia/Tokyo").dateTime(start))).toBe("Thu, Dec 24, 2026, 7:00 PM GMT+9");
  });

  it("shows the same instant in another zone as that zone's time", () => {
    expect(plain(formatter("en", "America/New_York").dateTime(start))).toBe("Thu, Dec 24, 2026, 5:00 AM EST");
  });

  it("writes a range on one day once", () => {
    expect(plain(formatter("en", "Asia/Tokyo").timeRange(start, end))).toBe("Thu, Dec 24, 2026, 7:00 – 9:30 PM GMT+9");
    expect(formatter("ja", "Asia/Tokyo").timeRange(start, end)).toBe("2026/12/24(木) 19時00分～21時30分(JST)");
  });

  it("groups digits per locale", () => {
    expect(formatter("en").count(100000)).toBe("100,000");
    expect(formatter("ja").count(100000)).toBe("100,000");
  });

  it("writes shares as whole percentages", () => {
    expect(formatter("en").percent(0.456)).toBe("46%");
    expect(formatter("ja").percent(1)).toBe("100%");
  });
});

describe("messages", () => {
  it("count seats in English with the plural, in Japanese without", () => {
    expect(en.seats.remaining(1, "1")).toBe("1 seat left");
    expect(en.seats.remaining(2, "2")).toBe("2 seats left");
    expect(ja.seats.remaining(1, "1")).toBe("残り 1 席");
  });

  it("have every string in both languages (the type checks the keys; this, that none is left empty)", () => {
    const strings = (messages: object): string[] =>
      Object.values(messages).flatMap((value) => (typeof value === "string" ? [value] : typeof value === "object" ? strings(value) : []));
    for (const messages of [en, ja]) expect(strings(messages).filter((s) => s.trim() === "")).toEqual([]);
    expect(strings(ja).length).toBe(strings(en).length);
  });
});
