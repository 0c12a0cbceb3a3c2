import { beforeAll, describe, expect, it } from "vitest";
import { CombinedError } from "urql";
import {
  createInput,
  EMPTY_EVENT_FORM,
  fieldsInError,
  formValues,
  fromLocalInput,
  invalidFields,
  scheduleChanged,
  toLocalInput,
  updateInput,
  type EventFormValues,
} from "./eventForm";
import { MAX_COVER_BYTES, coverProblem, sendToStorage, storageRefusal, uploadCover, type CoverSteps, type UploadTicket } from "./coverUpload";

beforeAll(() => {
  // datetime-local values are read in the browser's zone: here, the organizer is in Tokyo
  process.env.TZ = "Asia/Tokyo";
});

const NOW = new Date("2026-12-01T00:00:00Z");
const valid: EventFormValues = {
  title: " Jazz Night ",
  description: "Live jazz.",
  venue: "Blue Note Tokyo",
  startsAt: "2026-12-24T19:00",
  endsAt: "2026-12-24T21:30",
  capacity: "120",
};

function badRequest(...fields: string[]): CombinedError {
  return new CombinedError({
    graphQLErrors: [{ message: "server's words", extensions: { code: "BAD_REQUEST", fields: fields.map((field) => ({ field, message: "no" })) } }],
  });
}

function failure(code: string): CombinedError {
  return new CombinedError({ graphQLErrors: [{ message: "server's words", extensions: { code } }] });
}

describe("times in the organizer's zone", () => {
  it("reads a datetime-local value in the browser's zone", () => {
    expect(fromLocalInput("2026-12-24T19:00")).toBe("2026-12-24T10:00:00.000Z");
  });

  it("writes an instant back as that zone's wall time", () => {
    expect(toLocalInput("2026-12-24T10:00:00Z")).toBe("2026-12-24T19:00");
    expect(toLocalInput("2026-12-24T15:05:00Z")).toBe("2026-12-25T00:05");
  });

  it("is not a time when empty or malformed", () => {
    expect(fromLocalInput("")).toBeUndefined();
    expect(fromLocalInput("24/12/2026 19:00")).toBeUndefined();
    expect(fromLocalInput("2026-13-45T19:00")).toBeUndefined();
  });
});

describe("invalidFields", () => {
  it("passes a valid event", () => {
    expect(invalidFields(valid, NOW)).toEqual([]);
  });

  it("names every field that breaks the contract's rules, in the form's order", () => {
    expect(invalidFields(EMPTY_EVENT_FORM, NOW)).toEqual(["title", "venue", "startsAt", "endsAt", "capacity"]);
    expect(
      invalidFields({ ...valid, title: "x".repeat(121), description: "x".repeat(5001), venue: "   ", capacity: "100001" }, NOW),
    ).toEqual(["title", "description", "venue", "capacity"]);
  });

  it("wants a whole number of seats from 1", () => {
    for (const capacity of ["0", "-1", "2.5", "ten", "1e3"]) expect(invalidFields({ ...valid, capacity }, NOW)).toEqual(["capacity"]);
    expect(invalidFields({ ...valid, capacity: "100000" }, NOW)).toEqual([]);
  });

  it("wants a start in the future and an end after it", () => {
    expect(invalidFields({ ...valid, startsAt: "2026-11-30T19:00" }, NOW)).toEqual(["startsAt"]);
    expect(invalidFields({ ...valid, endsAt: "2026-12-24T19:00" }, NOW)).toEqual(["endsAt"]);
  });

  it("leaves an unchanged schedule alone (an event that has started may still be renamed)", () => {
    const started = { ...valid, startsAt: "2026-11-30T19:00", endsAt: "2026-11-30T18:00" };
    expect(invalidFields(started, NOW, false)).toEqual([]);
    expect(invalidFields({ ...started, startsAt: "" }, NOW, false)).toEqual(["startsAt"]);
  });
});

describe("inputs", () => {
  it("creates with trimmed text, instants and a number", () => {
    expect(createInput(valid)).toEqual({
      title: "Jazz Night",
      description: "Live jazz.",
      venue: "Blue Note Tokyo",
      startsAt: "2026-12-24T10:00:00.000Z",
      endsAt: "2026-12-24T12:30:00.000Z",
      capacity: 120,
    });
  });

  it("updates only what changed", () => {
    const original = formValues({ ...createInput(valid), startsAt: "2026-12-24T10:00:00Z", endsAt: "2026-12-24T12:30:00Z" });
    expect(updateInput(original, { ...original })).toEqual({});
    expect(updateInput(original, { ...original, title: "Jazz Night II", capacity: "150" })).toEqual({ title: "Jazz Night II", capacity: 150 });
    expect(updateInput(original, { ...original, endsAt: "2026-12-24T22:00" })).toEqual({ endsAt: "2026-12-24T13:00:00.000Z" });
  });

  it("knows when the schedule changed", () => {
    expect(scheduleChanged(valid, { ...valid, title: "other" })).toBe(false);
    expect(scheduleChanged(valid, { ...valid, startsAt: "2026-12-24T18:00" })).toBe(true);
  });
});

describe("fieldsInError", () => {
  it("takes the fields the API names in extensions.fields, in the form's order, and only those the form has", () => {
    expect(fieldsInError(badRequest("capacity", "title", "organizerId"), ["title", "venue", "capacity"])).toEqual(["title", "capacity"]);
  });

  it("is empty for an error without fields", () => {
    expect(fieldsInError(failure("FORBIDDEN"), ["title"])).toEqual([]);
    expect(fieldsInError(new CombinedError({ networkError: new Error("offline") }), ["title"])).toEqual([]);
  });
});

describe("coverProblem", () => {
  it("takes JPEG, PNG and WebP from 1 byte to 5 MiB", () => {
    for (const type of ["image/jpeg", "image/png", "image/webp"]) expect(coverProblem({ type, size: MAX_COVER_BYTES })).toBeUndefined();
  });

  it("refuses other types, nothing, and more than 5 MiB", () => {
    expect(coverProblem({ type: "image/gif", size: 100 })).toBe("type");
    expect(coverProblem({ type: "", size: 100 })).toBe("type");
    expect(coverProblem({ type: "image/png", size: 0 })).toBe("size");
    expect(coverProblem({ type: "image/png", size: MAX_COVER_BYTES + 1 })).toBe("size");
  });
});

describe("uploadCover", () => {
  const ticket: UploadTicket = {
    uploadId: "u1",
    url: "https://uploads.example/covers/e1/u1?X-Amz-Signature=s",
    method: "PUT",
    headers: [{ name: "content-type", value: "image/png" }, { name: "content-length", value: "100" }],
    expiresAt: "2026-12-01T00:05:00Z",
  };
  const png = { type: "image/png", size: 100 };

  function steps(overrides: Partial<CoverSteps> = {}) {
    const calls: string[] = [];
    const all: CoverSteps = {
      requestTicket: async (type, size) => (calls.push(`ticket ${type} ${size}`), { data: { requestCoverUpload: ticket } }),
      send: async (t) => (calls.push(`send ${t.uploadId}`), "stored"),
      confirm: async (id) => (calls.push(`confirm ${id}`), { data: { confirmCoverUpload: { coverImageUrl: "https://media.example/covers/abc.png" } } }),
      ...overrides,
    };
    return { calls, steps: all };
  }

  it("asks for a ticket, sends the file, and has the API take it", async () => {
    const { calls, steps: all } = steps();
    expect(await uploadCover(png, all)).toEqual({ coverImageUrl: "https://media.example/covers/abc.png" });
    expect(calls).toEqual(["ticket image/png 100", "send u1", "confirm u1"]);
  });

  it("refuses a file the contract refuses without asking anyone", async () => {
    const { calls, steps: all } = steps();
    expect(await uploadCover({ type: "image/gif", size: 100 }, all)).toEqual({ refusal: "type" });
    expect(await uploadCover({ type: "image/png", size: MAX_COVER_BYTES + 1 }, all)).toEqual({ refusal: "size" });
    expect(calls).toEqual([]);
  });

  it("shows the API's refusal of the type or the size when it still happens", async () => {
    expect(await uploadCover(png, steps({ requestTicket: async () => ({ error: badRequest("contentType") }) }).steps)).toEqual({ refusal: "type" });
    expect(await uploadCover(png, steps({ requestTicket: async () => ({ error: badRequest("contentLength") }) }).steps)).toEqual({ refusal: "size" });
    expect(await uploadCover(png, steps({ requestTicket: async () => ({ error: failure("FORBIDDEN") }) }).steps)).toEqual({ error: "FORBIDDEN" });
  });

  it("stops at the storage's refusal, without confirming", async () => {
    const { calls, steps: all } = steps({ send: async () => "size" });
    expect(await uploadCover(png, all)).toEqual({ refusal: "size" });
    expect(calls).toEqual(["ticket image/png 100"]);
    expect(await uploadCover(png, steps({ send: async () => "network" }).steps)).toEqual({ error: "NETWORK" });
  });

  it("shows what the API finds in the bytes", async () => {
    expect(await uploadCover(png, steps({ confirm: async () => ({ error: badRequest("uploadId") }) }).steps)).toEqual({ refusal: "content" });
    expect(await uploadCover(png, steps({ confirm: async () => ({ error: failure("NOT_FOUND") }) }).steps)).toEqual({ refusal: "missing" });
    expect(await uploadCover(png, steps({ confirm: async () => ({ error: failure("CONFLICT") }) }).steps)).toEqual({ error: "CONFLICT" });
  });
});

describe("storageRefusal", () => {
  const s3Error = (code: string, message: string) => `<?xml version="1.0"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;

  it("is stored on 2xx and a network failure on status 0 (no answer, or one CORS hid)", () => {
    expect(storageRefusal(200, "")).toBe("stored");
    expect(storageRefusal(204, "")).toBe("stored");
    expect(storageRefusal(0, "")).toBe("network");
  });

  it("reads S3's error codes", () => {
    expect(storageRefusal(400, s3Error("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size"))).toBe("size");
    expect(storageRefusal(403, s3Error("AccessDenied", "Request has expired"))).toBe("expired");
    expect(storageRefusal(403, s3Error("SignatureDoesNotMatch", "…"))).toBe("storage");
    expect(storageRefusal(500, "not xml")).toBe("storage");
  });
});

describe("sendToStorage", () => {
  class FakeRequest {
    opened: [string, string] | undefined;
    headers: Record<string, string> = {};
    body: unknown;
    status = 0;
    responseText = "";
    upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    ontimeout: (() => void) | null = null;
    onabort: (() => void) | null = null;
    open(method: string, url: string) {
      this.opened = [method, url];
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    send(body: unknown) {
      this.body = body;
    }
  }

  const ticket = { url: "https://uploads.example/u1", method: "PUT", headers: [{ name: "content-type", value: "image/png" }, { name: "Content-Length", value: "4" }] };
  const file = new Blob(["abcd"], { type: "image/png" });

  function start() {
    const request = new FakeRequest();
    const progress: number[] = [];
    const answer = sendToStorage(ticket, file, (share) => progress.push(share), () => request as unknown as XMLHttpRequest);
    return { request, progress, answer };
  }

  it("sends the file with the ticket's method and headers, leaving Content-Length to the browser", async () => {
    const { request, answer } = start();
    expect(request.opened).toEqual(["PUT", "https://uploads.example/u1"]);
    expect(request.headers).toEqual({ "content-type": "image/png" });
    expect(request.body).toBe(file);
    request.status = 200;
    request.onload!();
    expect(await answer).toBe("stored");
  });

  it("reports the share sent, by the file's size when the total is not known", async () => {
    const { request, progress, answer } = start();
    request.upload.onprogress!({ loaded: 1, total: 4, lengthComputable: true });
    request.upload.onprogress!({ loaded: 2, total: 0, lengthComputable: false });
    request.upload.onprogress!({ loaded: 4, total: 4, lengthComputable: true });
    request.status = 200;
    request.onload!();
    await answer;
    expect(progress).toEqual([0.25, 0.5, 1]);
  });

  it("answers with S3's refusal, or a network failure", async () => {
    const refused = start();
    refused.request.status = 400;
    refused.request.responseText = "<Error><Code>EntityTooLarge</Code></Error>";
    refused.request.onload!();
    expect(await refused.answer).toBe("size");

    const lost = start();
    lost.request.onerror!();
    expect(await lost.answer).toBe("network");
  });
});
