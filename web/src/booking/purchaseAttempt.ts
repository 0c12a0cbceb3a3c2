import type { ErrorKind } from "@/graphql/errors";

/**
 * One purchase attempt per event: its idempotency key is made when the attempt starts and reused by
 * every retry (a double click, a reload, another tab) until the server has answered for certain.
 * The server books once per (user, key), so an answer lost on the way can be asked for again safely.
 */
export type PurchaseAttempt = { key: string; quantity: number; startedAt: number };

/** The server keeps a key for 24 hours (BookingService.KEY_RETENTION); after that a retry would book anew anyway. */
export const ATTEMPT_LIFETIME_MS = 24 * 60 * 60 * 1000;

const KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** 22 characters of [A-Za-z0-9_-] (128 bits); crypto.randomUUID is missing outside secure contexts (plain http on a LAN address). */
export function newIdempotencyKey(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return Array.from(random(new Uint8Array(22)), (byte) => KEY_ALPHABET[byte % 64]).join("");
}

/**
 * After these the attempt is over: booked, or refused before anything was booked. A network error,
 * a timeout or INTERNAL may have booked on the server, so the attempt (and its key) stays for the retry.
 */
export function attemptIsSettled(outcome: { booked: true } | { error: ErrorKind }): boolean {
  if ("booked" in outcome) return true;
  return !["NETWORK", "INTERNAL", "UNKNOWN"].includes(outcome.error);
}

export class PurchaseAttempts {
  // storage may refuse (private windows, quota): then attempts still hold within the page
  private readonly memory = new Map<string, string>();

  constructor(
    private readonly storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | undefined,
    private readonly now: () => number = Date.now,
    private readonly makeKey: () => string = newIdempotencyKey,
  ) {}

  /** The unsettled attempt for this event, if one is still within its lifetime. */
  pending(eventId: string): PurchaseAttempt | undefined {
    const stored = this.read(eventId);
    if (!stored) return undefined;
    try {
      const attempt = JSON.parse(stored) as PurchaseAttempt;
      if (typeof attempt.key === "string" && this.now() - attempt.startedAt < ATTEMPT_LIFETIME_MS) return attempt;
    } catch {
      // unreadable: start afresh
    }
    this.settle(eventId);
    return undefined;
  }

  /**
   * The attempt to send now: the pending one (with this quantity) or a new one. A changed quantity
   * keeps the key: if the earlier request did book, the server answers CONFLICT instead of booking twice.
   */
  start(eventId: string, quantity: number): PurchaseAttempt {
    const attempt = { ...(this.pending(eventId) ?? { key: this.makeKey(), startedAt: this.now() }), quantity };
    this.write(eventId, JSON.stringify(attempt));
    return attempt;
  }

  settle(eventId: string): void {
    this.memory.delete(eventId);
    try {
      this.storage?.removeItem(storageKey(eventId));
    } catch {
      // the memory copy is gone; nothing else to do
    }
  }

  private read(eventId: string): string | null {
    try {
      return this.storage?.getItem(storageKey(eventId)) ?? this.memory.get(eventId) ?? null;
    } catch {
      return this.memory.get(eventId) ?? null;
    }
  }

  private write(eventId: string, value: string): void {
    this.memory.set(eventId, value);
    try {
      this.storage?.setItem(storageKey(eventId), value);
    } catch {
      // kept in memory only
    }
  }
}

function storageKey(eventId: string): string {
  return `kippu.purchase.${eventId}`;
}
