import type { CombinedError } from "urql";
import { errorKind, type ErrorKind } from "@/graphql/errors";
import type { RequestCoverUploadMutation } from "@/graphql/generated/graphql";
import { fieldsInError } from "./eventForm";

/** docs/contract.md: covers are JPEG, PNG or WebP of 1 byte to 5 MiB (requestCoverUpload refuses the rest). */
export const COVER_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const MAX_COVER_BYTES = 5 * 1024 * 1024;

/**
 * Why a cover was not taken: the file's declared type or size (seen here first, else by the API), its
 * content (the API looks at the bytes after the upload), or the storage's answer to the upload.
 */
export type CoverRefusal = "type" | "size" | "content" | "expired" | "storage" | "missing";
export type CoverOutcome = { coverImageUrl: string | null } | { refusal: CoverRefusal } | { error: ErrorKind };

export type UploadTicket = RequestCoverUploadMutation["requestCoverUpload"];
type Answer<T> = { data?: T; error?: CombinedError };
export type StorageAnswer = "stored" | "network" | Exclude<CoverRefusal, "type" | "content" | "missing">;

/** The three steps, given by the page: ask the API for a ticket, send the file with it, have the API check and take it. */
export type CoverSteps = {
  requestTicket(contentType: string, contentLength: number): Promise<Answer<{ requestCoverUpload: UploadTicket }>>;
  send(ticket: UploadTicket): Promise<StorageAnswer>;
  confirm(uploadId: string): Promise<Answer<{ confirmCoverUpload: { coverImageUrl: string | null } }>>;
};

/** What the contract refuses by the file's declared type and size, before asking anyone. */
export function coverProblem(file: { type: string; size: number }): CoverRefusal | undefined {
  if (!(COVER_TYPES as readonly string[]).includes(file.type)) return "type";
  if (file.size < 1 || file.size > MAX_COVER_BYTES) return "size";
  return undefined;
}

export async function uploadCover(file: { type: string; size: number }, steps: CoverSteps): Promise<CoverOutcome> {
  const problem = coverProblem(file);
  if (problem) return { refusal: problem };

  const ticket = await steps.requestTicket(file.type, file.size);
  if (!ticket.data) {
    const [field] = fieldsInError(ticket.error!, ["contentType", "contentLength"]);
    return field ? { refusal: field === "contentType" ? "type" : "size" } : { error: errorKind(ticket.error!) };
  }

  const stored = await steps.send(ticket.data.requestCoverUpload);
  if (stored === "network") return { error: "NETWORK" };
  if (stored !== "stored") return { refusal: stored };

  const confirmed = await steps.confirm(ticket.data.requestCoverUpload.uploadId);
  if (confirmed.data) return { coverImageUrl: confirmed.data.confirmCoverUpload.coverImageUrl };
  // BAD_REQUEST: the bytes are not an image of an allowed type and size; NOT_FOUND: nothing arrived under the ticket
  const kind = errorKind(confirmed.error!);
  if (kind === "BAD_REQUEST") return { refusal: "content" };
  if (kind === "NOT_FOUND") return { refusal: "missing" };
  return { error: kind };
}

/** S3's refusal of a presigned request, from the status and the XML error it answers with. */
export function storageRefusal(status: number, body: string): StorageAnswer {
  if (status >= 200 && status < 300) return "stored";
  if (status === 0) return "network";
  const code = body.match(/<Code>([^<]*)<\/Code>/)?.[1];
  if (code === "EntityTooLarge" || code === "EntityTooSmall") return "size";
  if (code === "AccessDenied" && /expired/i.test(body)) return "expired";
  return "storage";
}

/**
 * Sends the file with the ticket's method and headers, reporting the share sent (0 to 1). XMLHttpRequest,
 * since fetch reports no upload progress. Content-Length is left to the browser, which refuses to take it
 * as a header and sets it from the body (the ticket signs the same length).
 */
export function sendToStorage(
  ticket: Pick<UploadTicket, "url" | "method" | "headers">,
  file: Blob,
  onProgress: (share: number) => void,
  newRequest: () => XMLHttpRequest = () => new XMLHttpRequest(),
): Promise<StorageAnswer> {
  return new Promise((resolve) => {
    const request = newRequest();
    request.open(ticket.method, ticket.url);
    for (const { name, value } of ticket.headers) {
      if (name.toLowerCase() !== "content-length") request.setRequestHeader(name, value);
    }
    request.upload.onprogress = (event) => onProgress(Math.min(1, event.loaded / (event.lengthComputable ? event.total : file.size || 1)));
    request.onload = () => resolve(storageRefusal(request.status, request.responseText));
    request.onerror = request.ontimeout = request.onabort = () => resolve("network");
    request.send(file);
  });
}
