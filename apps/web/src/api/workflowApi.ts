import {
  type CellConflictJson,
  type CellHistoryEntry,
  type CellValue,
  type ChangesResponse,
  cellConflictJson,
  cellHistoryEntry,
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

/** «История ячейки»: the values a cell had, newest first, with who set them. */
export function fetchCellHistory(
  docId: string,
  cell: { readonly table: string; readonly rowId: string; readonly columnId: string },
  signal?: AbortSignal,
): Promise<CellHistoryEntry[]> {
  const query = new URLSearchParams({ table: cell.table, rowId: cell.rowId, columnId: cell.columnId });
  return apiRequest(`${base(docId)}/cells/history?${query}`, cellHistoryEntry.array(), { signal });
}

/** Cells two people set apart (one offline), with both values and authors, until someone picks one. */
export function fetchConflicts(docId: string, signal?: AbortSignal): Promise<CellConflictJson[]> {
  return apiRequest(`${base(docId)}/conflicts`, cellConflictJson.array(), { signal });
}

/** Picks the value a conflicting cell keeps (editors only). */
export function resolveConflict(docId: string, conflictId: number, value: CellValue): Promise<unknown> {
  return apiRequest(`${base(docId)}/conflicts/${conflictId}/resolve`, null, { method: "POST", body: { value } });
}
