import { type CreateDocumentRequest, type DocumentSummary, documentSummary } from "@karta/schema";
import { messages } from "../messages.ts";
import { apiRequest } from "./http.ts";

export { ApiRequestError } from "./http.ts";

const summaries = documentSummary.array();

/** Every document the signed-in user may read, each with their access to it. */
export function fetchDocuments(signal?: AbortSignal): Promise<DocumentSummary[]> {
  return apiRequest("/api/documents", summaries, {
    signal,
    fallbackMessage: messages.documents.serverUnreachable,
  });
}

/** The documents of one organisation and year that the signed-in user may read. */
export function fetchDocumentsOf(
  organisationId: string,
  year: number,
  signal?: AbortSignal,
): Promise<DocumentSummary[]> {
  const query = new URLSearchParams({ organisationId, year: String(year) });
  return apiRequest(`/api/documents?${query}`, summaries, { signal });
}

/** One document and the signed-in user's access to it (404 when it is not theirs to see). */
export function fetchDocument(docId: string, signal?: AbortSignal): Promise<DocumentSummary> {
  return apiRequest(`/api/documents/${encodeURIComponent(docId)}`, documentSummary, { signal });
}

/**
 * Creates a document and returns its summary; for a risk factor that has its
 * programme already, the server answers that programme instead.
 */
export function createDocument(payload: CreateDocumentRequest): Promise<DocumentSummary> {
  return apiRequest("/api/documents", documentSummary, {
    method: "POST",
    body: payload,
    fallbackMessage: messages.createDocument.failed,
  });
}
