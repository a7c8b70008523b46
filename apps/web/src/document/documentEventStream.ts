import { type DocumentSummary, documentSummary } from "@karta/schema";
import { type EventSourceLike, type EventStreamState, ServerEventStream } from "../api/serverEventStream.ts";

/**
 * How the page hears about its document: GET /api/documents/:id/events, a
 * Server-Sent Events stream (same origin, so the session cookie goes along).
 * The server sends `summary` (the document's summary for this person, at once
 * and whenever it changes), `conflicts` (a cell conflict was recorded or
 * resolved) and `evidence` (a measure's evidence was attached, reviewed or removed). EventSource reconnects by itself after a broken connection; after
 * an error answer (401, 404: the session ended, the document is no longer
 * this person's) it gives up, and the stream is `failed` until revived.
 *
 * The stream is held only while the page is visible (`pause`/`resume`): over
 * HTTP/1.1 a browser opens at most six connections to one server, and each
 * open stream holds one; hidden tabs must not take them all.
 */

export type DocumentEventType = "summary" | "conflicts" | "evidence";

export type { EventSourceLike };

export type DocumentEventsState = EventStreamState;

export function documentEventsUrl(docId: string): string {
  return `/api/documents/${encodeURIComponent(docId)}/events`;
}

const DOCUMENT_EVENT_TYPES: readonly DocumentEventType[] = ["summary", "conflicts", "evidence"];

export class DocumentEventStream extends ServerEventStream<DocumentEventType> {
  constructor(url: string, create?: (url: string) => EventSourceLike) {
    super(url, DOCUMENT_EVENT_TYPES, create);
  }
}

/** A pushed summary, checked like an answer of the API; null for anything else. */
export function parsePushedSummary(data: string): DocumentSummary | null {
  try {
    const parsed = documentSummary.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
