import type { EvidenceVerdict } from "@karta/schema";
import type Database from "better-sqlite3";
import type { EvidenceRecord, EvidenceReview, EvidenceStore, NewEvidence } from "./EvidenceStore.ts";
import { type EvidenceRow, toEvidenceRecord } from "./evidenceRows.ts";

/** Evidence metadata in the embedded SQLite database (the table `evidence`, see sqliteMigrations.ts). */
export class SqliteEvidence implements EvidenceStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO evidence (id, doc_id, table_id, row_id, kind, name, url, sha256, size, media_type, uploaded_by, uploaded_at)
         VALUES (@id, @docId, @table, @rowId, @kind, @name, @url, @sha256, @size, @mediaType, @uploadedBy, @uploadedAt)`,
      ),
      get: db.prepare<[string, string], EvidenceRow>("SELECT * FROM evidence WHERE doc_id = ? AND id = ?"),
      list: db.prepare<[string], EvidenceRow>(
        "SELECT * FROM evidence WHERE doc_id = ? AND removed = 0 ORDER BY uploaded_at, rowid",
      ),
      review: db.prepare<[EvidenceVerdict, string, string, string, string, string]>(
        `UPDATE evidence SET verdict = ?, reason = ?, reviewed_by = ?, reviewed_at = ?
         WHERE doc_id = ? AND id = ? AND removed = 0`,
      ),
      remove: db.prepare<[string, string]>(
        "UPDATE evidence SET removed = 1 WHERE doc_id = ? AND id = ? AND removed = 0",
      ),
    };
  }

  async add(evidence: NewEvidence): Promise<void> {
    this.statements.insert.run(evidence);
  }

  async get(docId: string, id: string): Promise<EvidenceRecord | null> {
    const row = this.statements.get.get(docId, id);
    return row ? toEvidenceRecord(row) : null;
  }

  async list(docId: string): Promise<EvidenceRecord[]> {
    return this.statements.list.all(docId).map(toEvidenceRecord);
  }

  async review(docId: string, id: string, review: EvidenceReview): Promise<boolean> {
    return this.statements.review.run(review.verdict, review.reason, review.by, review.at, docId, id).changes > 0;
  }

  async remove(docId: string, id: string): Promise<boolean> {
    return this.statements.remove.run(docId, id).changes > 0;
  }
}
