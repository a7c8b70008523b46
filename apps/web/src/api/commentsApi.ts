import { type DocumentPerson, documentPerson, type MentionJson, mentionJson } from "@karta/schema";
import { apiRequest } from "./http.ts";

const documentUrl = (docId: string) => `/api/documents/${encodeURIComponent(docId)}`;
const people = documentPerson.array();
const mentions = mentionJson.array();

/** Who may read a document: the people its comments may mention. */
export function fetchDocumentPeople(docId: string, signal?: AbortSignal): Promise<DocumentPerson[]> {
  return apiRequest(`${documentUrl(docId)}/people`, people, { signal });
}

/** Marks the document's comments seen by the signed-in user now (the documents list counts from here). */
export function markCommentsSeen(docId: string): Promise<void> {
  return apiRequest(`${documentUrl(docId)}/comments/seen`, null, { method: "POST" });
}

/** The open threads, in every readable document, where the signed-in user is mentioned. */
export function fetchMentions(signal?: AbortSignal): Promise<MentionJson[]> {
  return apiRequest("/api/comments/mentions", mentions, { signal });
}
