import type { EvidenceVerdict } from "@karta/schema";
import type { EvidenceRecord } from "./EvidenceStore.ts";

/**
 * A row of the table `evidence` as both SQL stores read it (SQLite and
 * PostgreSQL name and shape its columns alike), and the record it becomes.
 */
export interface EvidenceRow {
  id: string;
  doc_id: string;
  table_id: string;
  row_id: string;
  kind: "file" | "link";
  name: string;
  url: string | null;
  sha256: string | null;
  size: number | null;
  media_type: string | null;
  uploaded_by: string;
  uploaded_at: string;
  verdict: EvidenceVerdict | null;
  reason: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  /** SQLite has no booleans: 0 or 1 there, a boolean in PostgreSQL. */
  removed: number | boolean;
}

export const toEvidenceRecord = (r: EvidenceRow): EvidenceRecord => ({
  id: r.id,
  docId: r.doc_id,
  table: r.table_id,
  rowId: r.row_id,
  kind: r.kind,
  name: r.name,
  url: r.url,
  sha256: r.sha256,
  size: r.size,
  mediaType: r.media_type,
  uploadedBy: r.uploaded_by,
  uploadedAt: r.uploaded_at,
  verdict: r.verdict,
  reason: r.reason,
  reviewedBy: r.reviewed_by,
  reviewedAt: r.reviewed_at,
  removed: r.removed === true || r.removed === 1,
});
