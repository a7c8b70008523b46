import {
  type ChangesResponse,
  changesResponse,
  type DocumentSummary,
  documentSummary,
  type TransitionRequest,
  type VersionJson,
  versionJson,
} from "@karta/schema";
import { apiRequest } from "./http.ts";

const base = (docId: string) => `/api/documents/${encodeURIComponent(docId)}`;

/** Moves a document along the agreement; answers its new summary (403/409 come back as ApiRequestError). */
export function postTransition(docId: string, request: TransitionRequest): Promise<DocumentSummary> {
  return apiRequest(`${base(docId)}/transitions`, documentSummary, { method: "POST", body: request });
}

/** The document's versions, newest first. */
export function fetchVersions(docId: string, signal?: AbortSignal): Promise<VersionJson[]> {
  return apiRequest(`${base(docId)}/versions`, versionJson.array(), { signal });
}

/** «Сохранить версию». */
export function saveVersion(docId: string, name: string): Promise<VersionJson> {
  return apiRequest(`${base(docId)}/versions`, versionJson, { method: "POST", body: { name } });
}

/** Makes the content that version again (editors only), seen live by everyone. */
export function restoreVersion(docId: string, versionId: number): Promise<VersionJson> {
  return apiRequest(`${base(docId)}/versions/${versionId}/restore`, versionJson, { method: "POST" });
}

/** A version's state as a Yjs update, to show it read-only. */
export async function fetchVersionUpdate(docId: string, versionId: number, signal?: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(`${base(docId)}/versions/${versionId}/update`, { signal, credentials: "same-origin" });
  if (!response.ok) throw new Error(`version ${versionId}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** What changed since the last agreement (409 before any). */
export function fetchChanges(docId: string, signal?: AbortSignal): Promise<ChangesResponse> {
  return apiRequest(`${base(docId)}/changes?since=agreed`, changesResponse, { signal });
}
