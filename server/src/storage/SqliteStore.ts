import type { DocumentStatus } from "@karta/schema";
import type Database from "better-sqlite3";
import { CELL_RECORDS_DELAY_MS } from "../limits.ts";
import type {
  CellConflictEntry,
  CellEditEntry,
  ClientIdClaims,
  DocumentRecord,
  DocumentStore,
  LogSince,
  StoredState,
  TransitionEntry,
  VersionInfo,
} from "./DocumentStore.ts";
import {
  type CellEditRow,
  type ConflictRow,
  type DocumentRow,
  type TransitionRow,
  toCellEdit,
  toConflict,
  toRecord,
  toTransition,
  toVersion,
  type VersionRow,
} from "./documentRows.ts";
import { GroupCommit } from "./GroupCommit.ts";
import { openSqlite } from "./openSqlite.ts";

/** One update to append, with its room's next sequence number, decided when it was submitted. */
interface Append {
  readonly docId: string;
  readonly seq: number;
  readonly data: Uint8Array;
  readonly claims: ClientIdClaims | undefined;
}

/** The bytes of a blob as read, without a copy (a 10,000-row snapshot is megabytes). */
const bytesOf = (blob: Buffer): Uint8Array => new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);

/** What one stored update did to cells, recorded after it. */
interface CellRecords {
  readonly edits: readonly CellEditEntry[];
  readonly conflicts: readonly Omit<CellConflictEntry, "id">[];
}

const SELECT_DOCUMENTS = `SELECT d.*, o.name AS org_name FROM documents d LEFT JOIN organisations o ON o.id = d.org_id`;

/** The documents and their update logs in the embedded SQLite database (see openSqlite). */
export class SqliteStore implements DocumentStore {
  readonly db: Database.Database;
  private readonly statements;
  private readonly appends: GroupCommit<Append, number>;
  private readonly cellRecords = new GroupCommit<CellRecords, void>(
    (batch) => this.commitCellRecords(batch),
    () => {},
    CELL_RECORDS_DELAY_MS,
  );
  private readonly factsWrites = new GroupCommit<{ docId: string; facts: string }, void>((batch) => {
    const at = new Date().toISOString();
    this.db.transaction(() => {
      for (const { docId, facts } of batch) this.statements.putFacts.run(docId, facts, at);
    })();
    return batch.map(() => undefined);
  });
  /** Each room's last sequence number (stored or in the batch being committed), once known. */
  private readonly lastSeqs = new Map<string, number>();

  /** Takes an open database, or opens the one in `dataDir`. */
  constructor(dbOrDataDir: Database.Database | string, options: { synchronous?: "NORMAL" | "FULL" } = {}) {
    this.db = typeof dbOrDataDir === "string" ? openSqlite(dbOrDataDir, options) : dbOrDataDir;
    this.statements = {
      list: this.db.prepare<[], DocumentRow>(
        `${SELECT_DOCUMENTS} ORDER BY org_name, d.organisation, d.created_at, d.title`,
      ),
      get: this.db.prepare<[string], DocumentRow>(`${SELECT_DOCUMENTS} WHERE d.id = ?`),
      count: this.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM documents"),
      insert: this.db.prepare(
        `INSERT INTO documents (id, title, template_id, template_version, org_id, organisation, year, created_at, updated_at, status)
         VALUES (@id, @title, @templateId, @templateVersion, @organisationId, @organisation, @year, @createdAt, @updatedAt, @status)`,
      ),
      snapshot: this.db.prepare<[string], { state: Buffer; upto_seq: number }>(
        "SELECT state, upto_seq FROM doc_snapshots WHERE doc_id = ?",
      ),
      updatesAfter: this.db.prepare<[string, number], { seq: number; data: Buffer }>(
        "SELECT seq, data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq",
      ),
      append: this.db.prepare<[string, number, Uint8Array, string | null, number]>(
        "INSERT INTO doc_updates (doc_id, seq, data, user_id, ts) VALUES (?, ?, ?, ?, ?)",
      ),
      snapshotSeq: this.db.prepare<[string], { upto_seq: number }>(
        "SELECT upto_seq FROM doc_snapshots WHERE doc_id = ?",
      ),
      lastLogged: this.db.prepare<[string], { seq: number | null }>(
        "SELECT max(seq) AS seq FROM doc_updates WHERE doc_id = ?",
      ),
      touch: this.db.prepare<[string, string]>("UPDATE documents SET updated_at = ? WHERE id = ?"),
      putSnapshot: this.db.prepare<[string, Uint8Array, number, number]>(
        `INSERT INTO doc_snapshots (doc_id, state, upto_seq, ts) VALUES (?, ?, ?, ?)
         ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, upto_seq = excluded.upto_seq, ts = excluded.ts`,
      ),
      claimClientId: this.db.prepare<[string, number, string]>(
        "INSERT INTO doc_client_ids (doc_id, client_id, account_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
      ),
      clientIdOwners: this.db.prepare<[string], { client_id: number; account_id: string }>(
        "SELECT client_id, account_id FROM doc_client_ids WHERE doc_id = ?",
      ),
      snapshotParts: this.db.prepare<[string], { data: Buffer }>(
        "SELECT data FROM doc_snapshot_parts WHERE doc_id = ? ORDER BY part",
      ),
      dropSnapshotParts: this.db.prepare<[string]>("DELETE FROM doc_snapshot_parts WHERE doc_id = ?"),
      addSnapshotPart: this.db.prepare<[string, number, Uint8Array]>(
        "INSERT INTO doc_snapshot_parts (doc_id, part, data) VALUES (?, ?, ?)",
      ),
      dropUpdates: this.db.prepare<[string, number]>("DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?"),
      moveStatus: this.db.prepare<[DocumentStatus, string | null, string | null, string, string, DocumentStatus]>(
        "UPDATE documents SET status = ?, order_number = ?, order_date = ?, updated_at = ? WHERE id = ? AND status = ?",
      ),
      addTransition: this.db.prepare(
        `INSERT INTO document_transitions (doc_id, action, from_status, to_status, actor_id, reason, order_number, order_date, at)
         VALUES (@docId, @action, @from, @to, @actorId, @reason, @orderNumber, @orderDate, @at)`,
      ),
      transitions: this.db.prepare<[], TransitionRow>("SELECT * FROM document_transitions ORDER BY id"),
      transitionsOf: this.db.prepare<[string], TransitionRow>(
        "SELECT * FROM document_transitions WHERE doc_id = ? ORDER BY id",
      ),
      addVersion: this.db.prepare(
        `INSERT INTO doc_versions (doc_id, kind, name, state, created_by, created_at)
         VALUES (@docId, @kind, @name, @state, @createdBy, @createdAt)`,
      ),
      versions: this.db.prepare<[string], VersionRow>(
        "SELECT id, doc_id, kind, name, created_by, created_at FROM doc_versions WHERE doc_id = ? ORDER BY id DESC",
      ),
      version: this.db.prepare<[string, number], VersionRow & { state: Buffer }>(
        "SELECT * FROM doc_versions WHERE doc_id = ? AND id = ?",
      ),
      addCellEdit: this.db.prepare(
        `INSERT INTO cell_edits (doc_id, table_id, row_id, column_id, value, account_id, at)
         VALUES (@docId, @table, @rowId, @columnId, @value, @accountId, @at)`,
      ),
      cellHistory: this.db.prepare<[string, string, string, string], CellEditRow>(
        `SELECT value, account_id, at FROM cell_edits
         WHERE doc_id = ? AND table_id = ? AND row_id = ? AND column_id = ? ORDER BY id DESC`,
      ),
      addConflict: this.db.prepare(
        `INSERT INTO cell_conflicts (doc_id, table_id, row_id, column_id, kept_value, kept_by, lost_value, lost_by, at)
         VALUES (@docId, @table, @rowId, @columnId, @keptValue, @keptBy, @lostValue, @lostBy, @at)`,
      ),
      openConflicts: this.db.prepare<[string], ConflictRow>(
        "SELECT * FROM cell_conflicts WHERE doc_id = ? AND resolved_at IS NULL ORDER BY id",
      ),
      resolveConflict: this.db.prepare<[string, string, string, number]>(
        "UPDATE cell_conflicts SET resolved_by = ?, resolved_at = ? WHERE doc_id = ? AND id = ? AND resolved_at IS NULL",
      ),
      putDigest: this.db.prepare<[string, string, string]>(
        `INSERT INTO comment_digests (doc_id, digest, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (doc_id) DO UPDATE SET digest = excluded.digest, updated_at = excluded.updated_at`,
      ),
      digests: this.db.prepare<[], { doc_id: string; digest: string }>("SELECT doc_id, digest FROM comment_digests"),
      putFacts: this.db.prepare<[string, string, string]>(
        `INSERT INTO document_facts (doc_id, facts, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (doc_id) DO UPDATE SET facts = excluded.facts, updated_at = excluded.updated_at`,
      ),
      facts: this.db.prepare<[], { doc_id: string; facts: string }>("SELECT doc_id, facts FROM document_facts"),
      factsOf: this.db.prepare<[string], { facts: string }>("SELECT facts FROM document_facts WHERE doc_id = ?"),
      markSeen: this.db.prepare<[string, string, string]>(
        `INSERT INTO comment_reads (account_id, doc_id, seen_at) VALUES (?, ?, ?)
         ON CONFLICT (account_id, doc_id) DO UPDATE SET seen_at = max(seen_at, excluded.seen_at)`,
      ),
      seen: this.db.prepare<[string], { doc_id: string; seen_at: string }>(
        "SELECT doc_id, seen_at FROM comment_reads WHERE account_id = ?",
      ),
    };
    this.appends = new GroupCommit(
      (batch) => this.commitAppends(batch),
      // A failed batch may have used sequence numbers that were not stored: read them again.
      (failed) => {
        for (const append of failed) this.lastSeqs.delete(append.docId);
      },
    );
  }

  async listDocuments(): Promise<DocumentRecord[]> {
    return this.statements.list.all().map(toRecord);
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const row = this.statements.get.get(id);
    return row ? toRecord(row) : null;
  }

  async countDocuments(): Promise<number> {
    return this.statements.count.get()?.n ?? 0;
  }

  async createDocument(record: DocumentRecord, initialState: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.statements.insert.run(record);
      this.statements.putSnapshot.run(record.id, initialState, 0, Date.now());
    })();
  }

  async loadState(docId: string): Promise<StoredState> {
    const snapshot = this.statements.snapshot.get(docId);
    const after = snapshot?.upto_seq ?? 0;
    const rows = this.statements.updatesAfter.all(docId, after);
    const rest = snapshot ? this.statements.snapshotParts.all(docId).map((r) => bytesOf(r.data)) : [];
    return {
      snapshot: snapshot ? [bytesOf(snapshot.state), ...rest] : [],
      updates: rows.map((r) => bytesOf(r.data)),
      lastSeq: rows.at(-1)?.seq ?? after,
    };
  }

  async loadSince(docId: string, afterSeq: number): Promise<LogSince> {
    const covered = this.statements.snapshotSeq.get(docId)?.upto_seq ?? 0;
    if (covered <= afterSeq) {
      const rows = this.statements.updatesAfter.all(docId, afterSeq);
      return { snapshot: null, updates: rows.map((r) => ({ seq: r.seq, update: bytesOf(r.data) })) };
    }
    const state = await this.loadState(docId);
    const rows = this.statements.updatesAfter.all(docId, covered);
    return {
      snapshot: { parts: state.snapshot, uptoSeq: covered },
      updates: rows.map((r) => ({ seq: r.seq, update: bytesOf(r.data) })),
    };
  }

  /** Committed with the other appends of this turn of the event loop (GroupCommit). */
  async appendUpdate(docId: string, update: Uint8Array, claims?: ClientIdClaims): Promise<number> {
    const seq = this.lastSeqOf(docId) + 1;
    this.lastSeqs.set(docId, seq);
    return this.appends.submit({ docId, seq, data: update, claims });
  }

  private commitAppends(batch: readonly Append[]): number[] {
    const ts = Date.now();
    return this.db.transaction(() =>
      batch.map(({ docId, seq, data, claims }) => {
        if (claims) for (const id of claims.clientIds) this.statements.claimClientId.run(docId, id, claims.accountId);
        this.statements.append.run(docId, seq, data, claims?.accountId ?? null, ts);
        return seq;
      }),
    )();
  }

  /** The room's last sequence number: the newest update in its log, or what its snapshot covers. */
  private lastSeqOf(docId: string): number {
    const known = this.lastSeqs.get(docId);
    if (known !== undefined) return known;
    const logged = this.statements.lastLogged.get(docId)?.seq ?? 0;
    const snapshot = this.statements.snapshotSeq.get(docId)?.upto_seq ?? 0;
    return Math.max(logged, snapshot);
  }

  async loadClientIdOwners(docId: string): Promise<Map<number, string>> {
    return new Map(this.statements.clientIdOwners.all(docId).map((r) => [r.client_id, r.account_id]));
  }

  async compact(docId: string, state: readonly Uint8Array[], uptoSeq: number): Promise<void> {
    const [first = new Uint8Array([0, 0]), ...rest] = state;
    this.db.transaction(() => {
      if ((this.statements.snapshotSeq.get(docId)?.upto_seq ?? 0) > uptoSeq) return;
      this.statements.putSnapshot.run(docId, first, uptoSeq, Date.now());
      this.statements.dropSnapshotParts.run(docId);
      for (const [i, part] of rest.entries()) this.statements.addSnapshotPart.run(docId, i + 1, part);
      this.statements.dropUpdates.run(docId, uptoSeq);
      this.statements.touch.run(new Date().toISOString(), docId);
    })();
  }

  async recordTransition(entry: TransitionEntry): Promise<boolean> {
    const orderNumber = entry.order?.number ?? null;
    const orderDate = entry.order?.date ?? null;
    return this.db.transaction(() => {
      const moved = this.statements.moveStatus.run(entry.to, orderNumber, orderDate, entry.at, entry.docId, entry.from);
      if (moved.changes !== 1) return false;
      this.statements.addTransition.run({ ...entry, orderNumber, orderDate });
      return true;
    })();
  }

  async listTransitions(docIds?: readonly string[]): Promise<TransitionEntry[]> {
    if (docIds === undefined) return this.statements.transitions.all().map(toTransition);
    return docIds.flatMap((id) => this.statements.transitionsOf.all(id).map(toTransition));
  }

  async addVersion(version: Omit<VersionInfo, "id">, state: Uint8Array): Promise<number> {
    return Number(this.statements.addVersion.run({ ...version, state }).lastInsertRowid);
  }

  async listVersions(docId: string): Promise<VersionInfo[]> {
    return this.statements.versions.all(docId).map(toVersion);
  }

  async getVersion(docId: string, versionId: number): Promise<{ info: VersionInfo; state: Uint8Array } | null> {
    const row = this.statements.version.get(docId, versionId);
    return row ? { info: toVersion(row), state: new Uint8Array(row.state) } : null;
  }

  /** Committed with the other records of this turn (GroupCommit): they follow every stored edit. */
  async recordCellEdits(
    edits: readonly CellEditEntry[],
    conflicts: readonly Omit<CellConflictEntry, "id">[],
  ): Promise<void> {
    await this.cellRecords.submit({ edits, conflicts });
  }

  private commitCellRecords(batch: readonly CellRecords[]): undefined[] {
    this.db.transaction(() => {
      for (const { edits, conflicts } of batch) {
        for (const e of edits) this.statements.addCellEdit.run({ ...e, value: JSON.stringify(e.value) });
        for (const c of conflicts) {
          this.statements.addConflict.run({
            docId: c.docId,
            table: c.table,
            rowId: c.rowId,
            columnId: c.columnId,
            keptValue: JSON.stringify(c.kept.value),
            keptBy: c.kept.by,
            lostValue: JSON.stringify(c.lost.value),
            lostBy: c.lost.by,
            at: c.at,
          });
        }
      }
    })();
    return batch.map(() => undefined);
  }

  async cellHistory(docId: string, table: string, rowId: string, columnId: string): Promise<CellEditEntry[]> {
    return this.statements.cellHistory
      .all(docId, table, rowId, columnId)
      .map(toCellEdit({ docId, table, rowId, columnId }));
  }

  async openConflicts(docId: string): Promise<CellConflictEntry[]> {
    return this.statements.openConflicts.all(docId).map(toConflict);
  }

  async resolveConflict(docId: string, conflictId: number, by: string, at: string): Promise<boolean> {
    return this.statements.resolveConflict.run(by, at, docId, conflictId).changes === 1;
  }

  async putCommentDigest(docId: string, digest: string): Promise<void> {
    this.statements.putDigest.run(docId, digest, new Date().toISOString());
  }

  async listCommentDigests(): Promise<Map<string, string>> {
    return new Map(this.statements.digests.all().map((r) => [r.doc_id, r.digest]));
  }

  /** Committed with the others of this turn: the read model refreshes many documents at once. */
  async putDocumentFacts(docId: string, facts: string): Promise<void> {
    await this.factsWrites.submit({ docId, facts });
  }

  async listDocumentFacts(): Promise<Map<string, string>> {
    return new Map(this.statements.facts.all().map((r) => [r.doc_id, r.facts]));
  }

  async getDocumentFacts(docId: string): Promise<string | null> {
    return this.statements.factsOf.get(docId)?.facts ?? null;
  }

  async markCommentsSeen(accountId: string, docId: string, at: string): Promise<void> {
    this.statements.markSeen.run(accountId, docId, at);
  }

  async listCommentsSeen(accountId: string): Promise<Map<string, string>> {
    return new Map(this.statements.seen.all(accountId).map((r) => [r.doc_id, r.seen_at]));
  }

  async close(): Promise<void> {
    await this.appends.drain();
    await this.cellRecords.drain();
    await this.factsWrites.drain();
    if (this.db.open) this.db.close();
  }
}
