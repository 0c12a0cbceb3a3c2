import { describe, expect, it } from "vitest";
import { coverUrl } from "./coverUrl";

describe("coverUrl", () => {
  it("uses an absolute URL from the API as it is", () => {
    expect(coverUrl("https://media.kippu.example/covers/e1.webp", "https://other.example", "https://kippu.example/")).toBe(
      "https://media.kippu.example/covers/e1.webp",
    );
  });

  it("resolves a path against the media base URL", () => {
    expect(coverUrl("/covers/e1.webp", "https://media.kippu.example", "https://kippu.example/event/")).toBe("https://media.kippu.example/covers/e1.webp");
  });

  it("or against the page's origin without one", () => {
    expect(coverUrl("/covers/e1.webp", undefined, "https://kippu.example/event/?id=e1")).toBe("https://kippu.example/covers/e1.webp");
  });
});
