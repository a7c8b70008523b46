import { apiError, type EvidenceJson, type EvidenceVerdict, evidenceJson, evidenceListJson } from "@karta/schema";
import { ApiRequestError, apiRequest } from "../api/http.ts";
import { messages } from "../messages.ts";

const base = (docId: string) => `/api/documents/${encodeURIComponent(docId)}/evidence`;

/** GET /api/documents/:id/evidence: every file and link of the document, oldest first. */
export function fetchEvidence(docId: string, signal?: AbortSignal): Promise<EvidenceJson[]> {
  return apiRequest(base(docId), evidenceListJson, { signal });
}

/** Where a file is downloaded (as an attachment; the server decides who may). */
export function evidenceFileUrl(docId: string, evidenceId: string): string {
  return `${base(docId)}/${encodeURIComponent(evidenceId)}/file`;
}

/**
 * POST …/evidence/files?table=&row=&name=, the file's bytes as the body. Not
 * JSON, so not through apiRequest's body; its answers are read the same way:
 * "unreachable" when there is no network (the file waits on the device).
 */
export async function uploadEvidenceFile(
  docId: string,
  target: { readonly table: string; readonly rowId: string },
  name: string,
  file: Blob,
): Promise<EvidenceJson> {
  const query = new URLSearchParams({ table: target.table, row: target.rowId, name });
  let response: Response;
  try {
    response = await fetch(`${base(docId)}/files?${query}`, {
      method: "POST",
      credentials: "same-origin",
      headers: { accept: "application/json", "content-type": "application/octet-stream" },
      body: file,
    });
  } catch {
    throw new ApiRequestError("unreachable", messages.api.serverUnreachable);
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return evidenceJson.parse(payload);
  const parsed = apiError.safeParse(payload);
  if (!parsed.success && response.status >= 502 && response.status <= 504) {
    throw new ApiRequestError("unreachable", messages.api.serverUnreachable);
  }
  throw new ApiRequestError(
    "server",
    parsed.success ? parsed.data.message : messages.evidence.failed,
    parsed.success ? parsed.data.error : undefined,
    response.status,
  );
}

export function addEvidenceLink(
  docId: string,
  link: { readonly table: string; readonly rowId: string; readonly url: string; readonly title?: string },
): Promise<EvidenceJson> {
  return apiRequest(`${base(docId)}/links`, evidenceJson, { method: "POST", body: link });
}

export function reviewEvidence(
  docId: string,
  evidenceId: string,
  verdict: EvidenceVerdict,
  reason = "",
): Promise<EvidenceJson> {
  return apiRequest(`${base(docId)}/${encodeURIComponent(evidenceId)}/review`, evidenceJson, {
    method: "POST",
    body: { verdict, reason },
  });
}

export function removeEvidence(docId: string, evidenceId: string): Promise<void> {
  return apiRequest(`${base(docId)}/${encodeURIComponent(evidenceId)}`, null, { method: "DELETE" });
}
