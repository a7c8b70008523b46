import type { EvidenceVerdict } from "@karta/schema";
import type pg from "pg";
import type { EvidenceRecord, EvidenceReview, EvidenceStore, NewEvidence } from "../EvidenceStore.ts";
import { changes, row, rows } from "./pgQuery.ts";

interface EvidenceRow {
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
  removed: boolean;
}

const toRecord = (r: EvidenceRow): EvidenceRecord => ({
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
  removed: r.removed,
});

/** Evidence metadata in PostgreSQL (the table `evidence`, see postgresMigrations.ts); the bytes stay on disk. */
export class PostgresEvidence implements EvidenceStore {
  constructor(private readonly pool: pg.Pool) {}

  async add(e: NewEvidence): Promise<void> {
    await this.pool.query(
      `INSERT INTO evidence (id, doc_id, table_id, row_id, kind, name, url, sha256, size, media_type, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        e.id,
        e.docId,
        e.table,
        e.rowId,
        e.kind,
        e.name,
        e.url,
        e.sha256,
        e.size,
        e.mediaType,
        e.uploadedBy,
        e.uploadedAt,
      ],
    );
  }

  async get(docId: string, id: string): Promise<EvidenceRecord | null> {
    const found = await row<EvidenceRow>(this.pool, "SELECT * FROM evidence WHERE doc_id = $1 AND id = $2", [
      docId,
      id,
    ]);
    return found ? toRecord(found) : null;
  }

  async list(docId: string): Promise<EvidenceRecord[]> {
    const list = await rows<EvidenceRow>(
      this.pool,
      "SELECT * FROM evidence WHERE doc_id = $1 AND NOT removed ORDER BY uploaded_at, added",
      [docId],
    );
    return list.map(toRecord);
  }

  async review(docId: string, id: string, review: EvidenceReview): Promise<boolean> {
    const reviewed = await changes(
      this.pool,
      `UPDATE evidence SET verdict = $1, reason = $2, reviewed_by = $3, reviewed_at = $4
       WHERE doc_id = $5 AND id = $6 AND NOT removed`,
      [review.verdict, review.reason, review.by, review.at, docId, id],
    );
    return reviewed > 0;
  }

  async remove(docId: string, id: string): Promise<boolean> {
    return (
      (await changes(this.pool, "UPDATE evidence SET removed = true WHERE doc_id = $1 AND id = $2 AND NOT removed", [
        docId,
        id,
      ])) > 0
    );
  }
}
