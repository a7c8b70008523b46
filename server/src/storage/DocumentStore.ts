import type { ApprovingOrder, DocumentStatus, TransitionAction, VERSION_KINDS } from "@karta/schema";

/**
 * What the server needs from durable storage. The embedded SQLite store and a
 * future PostgreSQL store implement the same promises; nothing above this
 * interface knows which one runs.
 */

export interface DocumentRecord {
  readonly id: string;
  readonly title: string;
  readonly templateId: string;
  readonly templateVersion: number;
  /** The school or municipality it belongs to (null only for documents older than organisations). */
  readonly organisationId: string | null;
  /** The organisation's current name. */
  readonly organisation: string;
  readonly year: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Where it stands in the agreement workflow. */
  readonly status: DocumentStatus;
  /** The approving order, once approved. */
  readonly order: ApprovingOrder | null;
}

/** One move of a document along the workflow, as stored. */
export interface TransitionEntry {
  readonly docId: string;
  readonly action: TransitionAction;
  readonly from: DocumentStatus;
  readonly to: DocumentStatus;
  readonly actorId: string;
  readonly reason: string | null;
  /** The approving order, set by an approval (and cleared by a reopening). */
  readonly order: ApprovingOrder | null;
  readonly at: string;
}

/** A cell set to a value (JSON of a cell value; null: cleared), by whom and when. */
export interface CellEditEntry {
  readonly docId: string;
  readonly table: string;
  readonly rowId: string;
  readonly columnId: string;
  readonly value: string | number | boolean | null;
  readonly accountId: string | null;
  readonly at: string;
}

/** Two values of one cell written apart: the one Yjs kept and the one it dropped. */
export interface CellConflictEntry {
  readonly id: number;
  readonly docId: string;
  readonly table: string;
  readonly rowId: string;
  readonly columnId: string;
  readonly kept: { readonly value: string | number | boolean | null; readonly by: string | null };
  readonly lost: { readonly value: string | number | boolean | null; readonly by: string | null };
  readonly at: string;
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
}

export type VersionKind = (typeof VERSION_KINDS)[number];

/** A stored state of a document (what it was at a moment), without the state itself. */
export interface VersionInfo {
  readonly id: number;
  readonly docId: string;
  readonly kind: VersionKind;
  readonly name: string;
  readonly createdBy: string | null;
  readonly createdAt: string;
}

/** The durable state of one document: a merged snapshot and the updates after it. */
export interface StoredState {
  /**
   * The snapshot as Yjs updates applied in order: one, or for a big document
   * several (documents/stateParts.ts), so that loading it can yield between
   * them; none when the room has no snapshot (a comments room before compaction).
   */
  readonly snapshot: readonly Uint8Array[];
  readonly updates: readonly Uint8Array[];
  /** Sequence number of the last update included; 0 when there is none. */
  readonly lastSeq: number;
}

/**
 * What a room that holds a document's log up to some sequence number lacks
 * (another instance appended meanwhile): the updates after it with their
 * sequence numbers or, when a compaction dropped some of those, the snapshot
 * and the updates after what it covers.
 */
export interface LogSince {
  readonly snapshot: { readonly parts: readonly Uint8Array[]; readonly uptoSeq: number } | null;
  readonly updates: readonly { readonly seq: number; readonly update: Uint8Array }[];
}

/** Client ids an account writes under for the first time. */
export interface ClientIdClaims {
  readonly accountId: string;
  readonly clientIds: readonly number[];
}

export interface DocumentStore {
  listDocuments(): Promise<DocumentRecord[]>;
  getDocument(id: string): Promise<DocumentRecord | null>;
  /** Creates the record and its first snapshot atomically. */
  createDocument(record: DocumentRecord, initialState: Uint8Array): Promise<void>;
  countDocuments(): Promise<number>;

  loadState(docId: string): Promise<StoredState>;
  /**
   * Appends one update to the document's log and returns its sequence number.
   * Resolves only once the update is durable: callers broadcast after it.
   * `claims`: who wrote it (stored with the update: the log says who wrote what)
   * and the Yjs client ids it writes under for the first time, stored as that
   * account's in the same transaction (see sync/ClientIdOwners.ts).
   */
  appendUpdate(docId: string, update: Uint8Array, claims?: ClientIdClaims): Promise<number>;
  /** The stored updates after `afterSeq` (see LogSince): how a room catches up with other instances' appends. */
  loadSince(docId: string, afterSeq: number): Promise<LogSince>;
  /** The owner (account id) of each client id written under in a room. */
  loadClientIdOwners(docId: string): Promise<Map<number, string>>;
  /**
   * Replaces the snapshot with `state` (its parts, in order) and drops the log
   * up to `uptoSeq`, in one transaction; with several writers `state` may hold
   * updates after `uptoSeq` too (applying one twice changes nothing), and a
   * snapshot that covers less than the stored one is not stored.
   */
  compact(docId: string, state: readonly Uint8Array[], uptoSeq: number): Promise<void>;

  /**
   * Moves a document to `entry.to` if it is still in `entry.from`, recording the
   * transition (and the order of an approval) in the same transaction; false if
   * its status changed meanwhile.
   */
  recordTransition(entry: TransitionEntry): Promise<boolean>;
  /** The transitions of the documents named (every document when omitted), oldest first. */
  listTransitions(docIds?: readonly string[]): Promise<TransitionEntry[]>;

  /** Stores a version of a document's state; returns its id. */
  addVersion(version: Omit<VersionInfo, "id">, state: Uint8Array): Promise<number>;
  /** A document's versions, newest first, without their states. */
  listVersions(docId: string): Promise<VersionInfo[]>;
  /** One version with its state; null if the document has no such version. */
  getVersion(docId: string, versionId: number): Promise<{ info: VersionInfo; state: Uint8Array } | null>;

  /** Records who set which cells (and the conflicts found), after their update was stored. */
  recordCellEdits(edits: readonly CellEditEntry[], conflicts: readonly Omit<CellConflictEntry, "id">[]): Promise<void>;
  /** One cell's edits, newest first. */
  cellHistory(docId: string, table: string, rowId: string, columnId: string): Promise<CellEditEntry[]>;
  /** A document's conflicts not yet resolved, oldest first. */
  openConflicts(docId: string): Promise<CellConflictEntry[]>;
  /** Marks a conflict resolved; false if it is not an open conflict of that document. */
  resolveConflict(docId: string, conflictId: number, by: string, at: string): Promise<boolean>;

  /** Stores the comments digest of a document (JSON of comments/commentDigest.ts), replacing the last. */
  putCommentDigest(docId: string, digest: string): Promise<void>;
  /** Every stored comments digest, by document id. */
  listCommentDigests(): Promise<Map<string, string>>;
  /**
   * Stores what monitoring reads of a document's content (JSON of
   * monitoring/documentFacts.ts), replacing the last: the dashboard's read model.
   */
  putDocumentFacts(docId: string, facts: string): Promise<void>;
  /** Every document's stored facts, by document id. */
  listDocumentFacts(): Promise<Map<string, string>>;
  /** One document's stored facts, or null (another instance stored them: its dashboards read them here). */
  getDocumentFacts(docId: string): Promise<string | null>;
  /** Records that the account looked at the document's comments at `at` (ISO time). */
  markCommentsSeen(accountId: string, docId: string, at: string): Promise<void>;
  /** When the account last looked at each document's comments (ISO times), by document id. */
  listCommentsSeen(accountId: string): Promise<Map<string, string>>;

  close(): Promise<void>;
}
