import { describe, expect, it } from "vitest";
import { ATTEMPT_LIFETIME_MS, attemptIsSettled, newIdempotencyKey, PurchaseAttempts } from "./purchaseAttempt";

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

const refusing = {
  getItem: () => {
    throw new Error("SecurityError");
  },
  setItem: () => {
    throw new Error("QuotaExceededError");
  },
  removeItem: () => {
    throw new Error("SecurityError");
  },
};

function counter() {
  let n = 0;
  return () => `key-${String(++n).padStart(4, "0")}`;
}

describe("PurchaseAttempts", () => {
  it("sends every retry of one attempt with the same key", () => {
    const attempts = new PurchaseAttempts(new MemoryStorage(), () => 0, counter());
    const first = attempts.start("e1", 2);
    expect(attempts.start("e1", 2).key).toBe(first.key);
    expect(attempts.start("e1", 2).key).toBe(first.key);
  });

  it("keeps the key across a reload (a new page reading the same storage)", () => {
    const storage = new MemoryStorage();
    const key = new PurchaseAttempts(storage, () => 0, counter()).start("e1", 2).key;
    const afterReload = new PurchaseAttempts(storage, () => 1000, counter());
    expect(afterReload.pending("e1")).toEqual({ key, quantity: 2, startedAt: 0 });
    expect(afterReload.start("e1", 2).key).toBe(key);
  });

  it("keeps the key when the quantity changes, so the server can refuse a second booking (CONFLICT)", () => {
    const attempts = new PurchaseAttempts(new MemoryStorage(), () => 0, counter());
    const key = attempts.start("e1", 2).key;
    expect(attempts.start("e1", 3)).toEqual({ key, quantity: 3, startedAt: 0 });
  });

  it("starts a new attempt with a new key once the last one is settled", () => {
    const attempts = new PurchaseAttempts(new MemoryStorage(), () => 0, counter());
    const first = attempts.start("e1", 1).key;
    attempts.settle("e1");
    expect(attempts.pending("e1")).toBeUndefined();
    expect(attempts.start("e1", 1).key).not.toBe(first);
  });

  it("keeps one attempt per event", () => {
    const attempts = new PurchaseAttempts(new MemoryStorage(), () => 0, counter());
    expect(attempts.start("e1", 1).key).not.toBe(attempts.start("e2", 1).key);
    attempts.settle("e1");
    expect(attempts.pending("e2")).toBeDefined();
  });

  it("forgets an attempt older than the server keeps its key", () => {
    let now = 0;
    const attempts = new PurchaseAttempts(new MemoryStorage(), () => now, counter());
    const key = attempts.start("e1", 1).key;
    now = ATTEMPT_LIFETIME_MS - 1;
    expect(attempts.pending("e1")?.key).toBe(key);
    now = ATTEMPT_LIFETIME_MS;
    expect(attempts.pending("e1")).toBeUndefined();
    expect(attempts.start("e1", 1).key).not.toBe(key);
  });

  it("starts afresh from an unreadable stored attempt", () => {
    const storage = new MemoryStorage();
    storage.setItem("kippu.purchase.e1", "{not json");
    const attempts = new PurchaseAttempts(storage, () => 0, counter());
    expect(attempts.pending("e1")).toBeUndefined();
    expect(storage.items.has("kippu.purchase.e1")).toBe(false);
  });

  it("still holds the key within the page where storage refuses", () => {
    const attempts = new PurchaseAttempts(refusing, () => 0, counter());
    const key = attempts.start("e1", 1).key;
    expect(attempts.start("e1", 1).key).toBe(key);
    attempts.settle("e1");
    expect(attempts.pending("e1")).toBeUndefined();
  });

  it("works without any storage", () => {
    const attempts = new PurchaseAttempts(undefined, () => 0, counter());
    expect(attempts.start("e1", 1).key).toBe(attempts.start("e1", 1).key);
  });
});

describe("attemptIsSettled", () => {
  it("settles on a booking", () => {
    expect(attemptIsSettled({ booked: true })).toBe(true);
  });

  it.each(["SOLD_OUT", "EVENT_NOT_BOOKABLE", "BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT"] as const)(
    "settles on %s: the server answered and booked nothing under this key",
    (error) => expect(attemptIsSettled({ error })).toBe(true),
  );

  it.each(["NETWORK", "INTERNAL", "UNKNOWN"] as const)("keeps the attempt on %s: the booking may have happened", (error) =>
    expect(attemptIsSettled({ error })).toBe(false),
  );
});

describe("newIdempotencyKey", () => {
  it("fits the contract's 8–64 characters of [A-Za-z0-9_-]", () => {
    for (let i = 0; i < 100; i++) expect(newIdempotencyKey()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("differs each time", () => {
    expect(new Set(Array.from({ length: 1000 }, () => newIdempotencyKey())).size).toBe(1000);
  });
});
