import type pg from "pg";
import type { EvidenceRecord, EvidenceReview, EvidenceStore, NewEvidence } from "../EvidenceStore.ts";
import { type EvidenceRow, toEvidenceRecord } from "../evidenceRows.ts";
import { changes, row, rows } from "./pgQuery.ts";

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
    return found ? toEvidenceRecord(found) : null;
  }

  async list(docId: string): Promise<EvidenceRecord[]> {
    const list = await rows<EvidenceRow>(
      this.pool,
      "SELECT * FROM evidence WHERE doc_id = $1 AND NOT removed ORDER BY uploaded_at, added",
      [docId],
    );
    return list.map(toEvidenceRecord);
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
