import type pg from "pg";
import { CELL_RECORDS_DELAY_MS } from "../../limits.ts";
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
} from "../DocumentStore.ts";
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
} from "../documentRows.ts";
import { GroupCommit } from "../GroupCommit.ts";
import { bytesOf, changes, row, rows, toBuffer, transaction } from "./pgQuery.ts";

/** One update to append; its sequence number is taken in the transaction that stores it. */
interface Append {
  readonly docId: string;
  readonly data: Uint8Array;
  readonly claims: ClientIdClaims | undefined;
}

/** What one stored update did to cells, recorded after it. */
interface CellRecords {
  readonly edits: readonly CellEditEntry[];
  readonly conflicts: readonly Omit<CellConflictEntry, "id">[];
}

const SELECT_DOCUMENTS = `SELECT d.*, o.name AS org_name FROM documents d LEFT JOIN organisations o ON o.id = d.org_id`;

/**
 * The documents and their update logs in PostgreSQL, safe with several server
 * instances writing the same room: each append takes its sequence numbers from
 * the room's counter (`doc_rooms.last_seq`) in its own transaction, so numbers
 * are unique and, per room, in commit order; a compaction never drops an
 * update after the sequence number it covers, and never replaces a snapshot
 * that covers more.
 */
export class PostgresDocumentStore implements DocumentStore {
  private readonly appends = new GroupCommit<Append, number>((batch) => this.commitAppends(batch));
  private readonly cellRecords = new GroupCommit<CellRecords, void>(
    (batch) => this.commitCellRecords(batch),
    () => {},
    CELL_RECORDS_DELAY_MS,
  );
  private readonly factsWrites = new GroupCommit<{ docId: string; facts: string }, void>(async (batch) => {
    const at = new Date().toISOString();
    // Last write of a document wins within the batch (one row may not be upserted twice in one statement).
    const latest = new Map(batch.map(({ docId, facts }) => [docId, facts]));
    await this.pool.query(
      `INSERT INTO document_facts (doc_id, facts, updated_at)
       SELECT d, f, $3 FROM unnest($1::text[], $2::text[]) AS t(d, f)
       ON CONFLICT (doc_id) DO UPDATE SET facts = excluded.facts, updated_at = excluded.updated_at`,
      [[...latest.keys()], [...latest.values()], at],
    );
    return batch.map(() => undefined);
  });
  private closed = false;

  /** Takes a pool opened by openPostgres (its schema migrated); `close` ends it. */
  constructor(readonly pool: pg.Pool) {}

  async listDocuments(): Promise<DocumentRecord[]> {
    const list = await rows<DocumentRow>(
      this.pool,
      // SQLite sorts NULL first in ascending order, PostgreSQL last unless told.
      `${SELECT_DOCUMENTS} ORDER BY o.name NULLS FIRST, d.organisation, d.created_at, d.title`,
    );
    return list.map(toRecord);
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const found = await row<DocumentRow>(this.pool, `${SELECT_DOCUMENTS} WHERE d.id = $1`, [id]);
    return found ? toRecord(found) : null;
  }

  async countDocuments(): Promise<number> {
    return (await row<{ n: number }>(this.pool, "SELECT count(*)::int AS n FROM documents"))?.n ?? 0;
  }

  async createDocument(record: DocumentRecord, initialState: Uint8Array): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO documents (id, title, template_id, template_version, org_id, organisation, year, created_at, updated_at, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          record.id,
          record.title,
          record.templateId,
          record.templateVersion,
          record.organisationId,
          record.organisation,
          record.year,
          record.createdAt,
          record.updatedAt,
          record.status,
        ],
      );
      await client.query(
        `INSERT INTO doc_snapshots (doc_id, state, upto_seq, ts) VALUES ($1, $2, 0, $3)
         ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, upto_seq = excluded.upto_seq, ts = excluded.ts`,
        [record.id, toBuffer(initialState), Date.now()],
      );
    });
  }

  /**
   * One REPEATABLE READ transaction: the snapshot, its parts and the updates
   * after it are read as of one moment, so a compaction committed by another
   * instance meanwhile cannot make updates fall between them.
   */
  async loadSince(docId: string, afterSeq: number): Promise<LogSince> {
    return transaction(
      this.pool,
      async (client) => {
        const snapshot = await row<{ state: Buffer; upto_seq: number }>(
          client,
          "SELECT state, upto_seq FROM doc_snapshots WHERE doc_id = $1",
          [docId],
        );
        const covered = snapshot?.upto_seq ?? 0;
        const from = Math.max(covered, afterSeq);
        const updates = await rows<{ seq: number; data: Buffer }>(
          client,
          "SELECT seq, data FROM doc_updates WHERE doc_id = $1 AND seq > $2 ORDER BY seq",
          [docId, from],
        );
        const logged = updates.map((r) => ({ seq: r.seq, update: bytesOf(r.data) }));
        if (!snapshot || covered <= afterSeq) return { snapshot: null, updates: logged };
        const rest = await rows<{ data: Buffer }>(
          client,
          "SELECT data FROM doc_snapshot_parts WHERE doc_id = $1 ORDER BY part",
          [docId],
        );
        return {
          snapshot: { parts: [bytesOf(snapshot.state), ...rest.map((r) => bytesOf(r.data))], uptoSeq: covered },
          updates: logged,
        };
      },
      { isolation: "REPEATABLE READ", readOnly: true },
    );
  }

  async loadState(docId: string): Promise<StoredState> {
    return transaction(
      this.pool,
      async (client) => {
        const snapshot = await row<{ state: Buffer; upto_seq: number }>(
          client,
          "SELECT state, upto_seq FROM doc_snapshots WHERE doc_id = $1",
          [docId],
        );
        const after = snapshot?.upto_seq ?? 0;
        const updates = await rows<{ seq: number; data: Buffer }>(
          client,
          "SELECT seq, data FROM doc_updates WHERE doc_id = $1 AND seq > $2 ORDER BY seq",
          [docId, after],
        );
        const rest = snapshot
          ? await rows<{ data: Buffer }>(
              client,
              "SELECT data FROM doc_snapshot_parts WHERE doc_id = $1 ORDER BY part",
              [docId],
            )
          : [];
        return {
          snapshot: snapshot ? [bytesOf(snapshot.state), ...rest.map((r) => bytesOf(r.data))] : [],
          updates: updates.map((r) => bytesOf(r.data)),
          lastSeq: updates.at(-1)?.seq ?? after,
        };
      },
      { isolation: "REPEATABLE READ", readOnly: true },
    );
  }

  /** Committed with the other appends of this turn of the event loop (GroupCommit). */
  async appendUpdate(docId: string, update: Uint8Array, claims?: ClientIdClaims): Promise<number> {
    return this.appends.submit({ docId, data: update, claims });
  }

  /**
   * One transaction for the batch. Each room's counter is advanced by its
   * number of appends (rooms in sorted order, so two instances' batches lock
   * them in the same order and never deadlock); the row lock it takes holds
   * other instances' appends to that room until this COMMIT. Client ids are
   * claimed in the same transaction, after the counters: a room's claims are
   * written only by the transaction that holds its counter.
   */
  private async commitAppends(batch: readonly Append[]): Promise<number[]> {
    const counts = new Map<string, number>();
    for (const { docId } of batch) counts.set(docId, (counts.get(docId) ?? 0) + 1);
    const rooms = [...counts.keys()].sort();
    const ts = Date.now();
    return transaction(this.pool, async (client) => {
      const next = new Map<string, number>();
      for (const room of rooms) {
        const n = counts.get(room) as number;
        const counter = await row<{ last_seq: number }>(
          client,
          `INSERT INTO doc_rooms (doc_id, last_seq) VALUES ($1, $2)
           ON CONFLICT (doc_id) DO UPDATE SET last_seq = doc_rooms.last_seq + excluded.last_seq
           RETURNING last_seq`,
          [room, n],
        );
        next.set(room, (counter?.last_seq as number) - n + 1);
      }
      const seqs = batch.map(({ docId }) => {
        const seq = next.get(docId) as number;
        next.set(docId, seq + 1);
        return seq;
      });
      const claimed = batch.flatMap(({ docId, claims }) =>
        claims ? claims.clientIds.map((id) => [docId, id, claims.accountId] as const) : [],
      );
      if (claimed.length > 0) {
        await client.query(
          `INSERT INTO doc_client_ids (doc_id, client_id, account_id)
           SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[]) ON CONFLICT DO NOTHING`,
          [claimed.map((c) => c[0]), claimed.map((c) => c[1]), claimed.map((c) => c[2])],
        );
      }
      await client.query(
        `INSERT INTO doc_updates (doc_id, seq, data, user_id, ts)
         SELECT d, s, b, u, $5 FROM unnest($1::text[], $2::bigint[], $3::bytea[], $4::text[]) AS t(d, s, b, u)`,
        [
          batch.map((a) => a.docId),
          seqs,
          batch.map((a) => toBuffer(a.data)),
          batch.map((a) => a.claims?.accountId ?? null),
          ts,
        ],
      );
      return seqs;
    });
  }

  async loadClientIdOwners(docId: string): Promise<Map<number, string>> {
    const owners = await rows<{ client_id: number; account_id: string }>(
      this.pool,
      "SELECT client_id, account_id FROM doc_client_ids WHERE doc_id = $1",
      [docId],
    );
    return new Map(owners.map((r) => [r.client_id, r.account_id]));
  }

  /**
   * Replaces the snapshot and drops the log up to `uptoSeq` in one transaction.
   * Updates after `uptoSeq` (another instance's, appended meanwhile) stay; if
   * the stored snapshot already covers more than `uptoSeq` (a newer compaction
   * committed first), nothing changes: an older state never replaces a newer one.
   */
  async compact(docId: string, state: readonly Uint8Array[], uptoSeq: number): Promise<void> {
    const [first = new Uint8Array([0, 0]), ...rest] = state;
    await transaction(this.pool, async (client) => {
      const replaced = await changes(
        client,
        `INSERT INTO doc_snapshots (doc_id, state, upto_seq, ts) VALUES ($1, $2, $3, $4)
         ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, upto_seq = excluded.upto_seq, ts = excluded.ts
         WHERE doc_snapshots.upto_seq <= excluded.upto_seq`,
        [docId, toBuffer(first), uptoSeq, Date.now()],
      );
      if (replaced === 0) return;
      await client.query("DELETE FROM doc_snapshot_parts WHERE doc_id = $1", [docId]);
      if (rest.length > 0) {
        await client.query(
          `INSERT INTO doc_snapshot_parts (doc_id, part, data)
           SELECT $1, p, b FROM unnest($2::int[], $3::bytea[]) AS t(p, b)`,
          [docId, rest.map((_, i) => i + 1), rest.map(toBuffer)],
        );
      }
      await client.query("DELETE FROM doc_updates WHERE doc_id = $1 AND seq <= $2", [docId, uptoSeq]);
      await client.query("UPDATE documents SET updated_at = $1 WHERE id = $2", [new Date().toISOString(), docId]);
    });
  }

  async recordTransition(entry: TransitionEntry): Promise<boolean> {
    const orderNumber = entry.order?.number ?? null;
    const orderDate = entry.order?.date ?? null;
    return transaction(this.pool, async (client) => {
      const moved = await changes(
        client,
        "UPDATE documents SET status = $1, order_number = $2, order_date = $3, updated_at = $4 WHERE id = $5 AND status = $6",
        [entry.to, orderNumber, orderDate, entry.at, entry.docId, entry.from],
      );
      if (moved !== 1) return false;
      await client.query(
        `INSERT INTO document_transitions (doc_id, action, from_status, to_status, actor_id, reason, order_number, order_date, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          entry.docId,
          entry.action,
          entry.from,
          entry.to,
          entry.actorId,
          entry.reason,
          orderNumber,
          orderDate,
          entry.at,
        ],
      );
      return true;
    });
  }

  async listTransitions(docIds?: readonly string[]): Promise<TransitionEntry[]> {
    if (docIds === undefined) {
      return (await rows<TransitionRow>(this.pool, "SELECT * FROM document_transitions ORDER BY id")).map(toTransition);
    }
    // In the order the ids were asked, each document's oldest first (as SQLite's store answers).
    const found = await rows<TransitionRow>(
      this.pool,
      `SELECT t.* FROM document_transitions t
       JOIN unnest($1::text[]) WITH ORDINALITY AS asked(doc_id, n) ON asked.doc_id = t.doc_id
       ORDER BY asked.n, t.id`,
      [[...docIds]],
    );
    return found.map(toTransition);
  }

  async addVersion(version: Omit<VersionInfo, "id">, state: Uint8Array): Promise<number> {
    const added = await row<{ id: number }>(
      this.pool,
      `INSERT INTO doc_versions (doc_id, kind, name, state, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [version.docId, version.kind, version.name, toBuffer(state), version.createdBy, version.createdAt],
    );
    return added?.id as number;
  }

  async listVersions(docId: string): Promise<VersionInfo[]> {
    const list = await rows<VersionRow>(
      this.pool,
      "SELECT id, doc_id, kind, name, created_by, created_at FROM doc_versions WHERE doc_id = $1 ORDER BY id DESC",
      [docId],
    );
    return list.map(toVersion);
  }

  async getVersion(docId: string, versionId: number): Promise<{ info: VersionInfo; state: Uint8Array } | null> {
    const found = await row<VersionRow & { state: Buffer }>(
      this.pool,
      "SELECT * FROM doc_versions WHERE doc_id = $1 AND id = $2",
      [docId, versionId],
    );
    return found ? { info: toVersion(found), state: new Uint8Array(found.state) } : null;
  }

  /** Committed with the other records of this turn (GroupCommit): they follow every stored edit. */
  async recordCellEdits(
    edits: readonly CellEditEntry[],
    conflicts: readonly Omit<CellConflictEntry, "id">[],
  ): Promise<void> {
    await this.cellRecords.submit({ edits, conflicts });
  }

  private async commitCellRecords(batch: readonly CellRecords[]): Promise<undefined[]> {
    const edits = batch.flatMap((b) => b.edits);
    const conflicts = batch.flatMap((b) => b.conflicts);
    await transaction(this.pool, async (client) => {
      if (edits.length > 0) {
        await client.query(
          `INSERT INTO cell_edits (doc_id, table_id, row_id, column_id, value, account_id, at)
           SELECT d, tb, r, c, v, a, at
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
             WITH ORDINALITY AS t(d, tb, r, c, v, a, at, n)
           ORDER BY n`,
          [
            edits.map((e) => e.docId),
            edits.map((e) => e.table),
            edits.map((e) => e.rowId),
            edits.map((e) => e.columnId),
            edits.map((e) => JSON.stringify(e.value)),
            edits.map((e) => e.accountId),
            edits.map((e) => e.at),
          ],
        );
      }
      for (const c of conflicts) {
        await client.query(
          `INSERT INTO cell_conflicts (doc_id, table_id, row_id, column_id, kept_value, kept_by, lost_value, lost_by, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            c.docId,
            c.table,
            c.rowId,
            c.columnId,
            JSON.stringify(c.kept.value),
            c.kept.by,
            JSON.stringify(c.lost.value),
            c.lost.by,
            c.at,
          ],
        );
      }
    });
    return batch.map(() => undefined);
  }

  async cellHistory(docId: string, table: string, rowId: string, columnId: string): Promise<CellEditEntry[]> {
    const list = await rows<CellEditRow>(
      this.pool,
      `SELECT value, account_id, at FROM cell_edits
       WHERE doc_id = $1 AND table_id = $2 AND row_id = $3 AND column_id = $4 ORDER BY id DESC`,
      [docId, table, rowId, columnId],
    );
    return list.map(toCellEdit({ docId, table, rowId, columnId }));
  }

  async openConflicts(docId: string): Promise<CellConflictEntry[]> {
    const list = await rows<ConflictRow>(
      this.pool,
      "SELECT * FROM cell_conflicts WHERE doc_id = $1 AND resolved_at IS NULL ORDER BY id",
      [docId],
    );
    return list.map(toConflict);
  }

  async resolveConflict(docId: string, conflictId: number, by: string, at: string): Promise<boolean> {
    if (!Number.isSafeInteger(conflictId)) return false;
    const resolved = await changes(
      this.pool,
      "UPDATE cell_conflicts SET resolved_by = $1, resolved_at = $2 WHERE doc_id = $3 AND id = $4 AND resolved_at IS NULL",
      [by, at, docId, conflictId],
    );
    return resolved === 1;
  }

  async putCommentDigest(docId: string, digest: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO comment_digests (doc_id, digest, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (doc_id) DO UPDATE SET digest = excluded.digest, updated_at = excluded.updated_at`,
      [docId, digest, new Date().toISOString()],
    );
  }

  async listCommentDigests(): Promise<Map<string, string>> {
    const list = await rows<{ doc_id: string; digest: string }>(
      this.pool,
      "SELECT doc_id, digest FROM comment_digests",
    );
    return new Map(list.map((r) => [r.doc_id, r.digest]));
  }

  /** Committed with the others of this turn: the read model refreshes many documents at once. */
  async putDocumentFacts(docId: string, facts: string): Promise<void> {
    await this.factsWrites.submit({ docId, facts });
  }

  async listDocumentFacts(): Promise<Map<string, string>> {
    const list = await rows<{ doc_id: string; facts: string }>(this.pool, "SELECT doc_id, facts FROM document_facts");
    return new Map(list.map((r) => [r.doc_id, r.facts]));
  }

  async getDocumentFacts(docId: string): Promise<string | null> {
    const found = await row<{ facts: string }>(this.pool, "SELECT facts FROM document_facts WHERE doc_id = $1", [
      docId,
    ]);
    return found?.facts ?? null;
  }

  async markCommentsSeen(accountId: string, docId: string, at: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO comment_reads (account_id, doc_id, seen_at) VALUES ($1, $2, $3)
       ON CONFLICT (account_id, doc_id) DO UPDATE SET seen_at = greatest(comment_reads.seen_at, excluded.seen_at)`,
      [accountId, docId, at],
    );
  }

  async listCommentsSeen(accountId: string): Promise<Map<string, string>> {
    const list = await rows<{ doc_id: string; seen_at: string }>(
      this.pool,
      "SELECT doc_id, seen_at FROM comment_reads WHERE account_id = $1",
      [accountId],
    );
    return new Map(list.map((r) => [r.doc_id, r.seen_at]));
  }

  /** Waits for the writes gathered so far, then ends the pool (the directory and evidence stores share it). */
  async close(): Promise<void> {
    await this.appends.drain();
    await this.cellRecords.drain();
    await this.factsWrites.drain();
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
