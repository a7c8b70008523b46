import type Database from "better-sqlite3";

/**
 * Schema versions, applied in order and recorded in `PRAGMA user_version`.
 * Append new steps; never edit a step that has shipped.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE documents (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     template_id TEXT NOT NULL,
     template_version INTEGER NOT NULL,
     organisation TEXT NOT NULL,
     year INTEGER NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   -- The append-only log: seq is global and increasing, so "updates after seq" is one range scan.
   CREATE TABLE doc_updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc_id TEXT NOT NULL REFERENCES documents(id),
     data BLOB NOT NULL,
     user_id TEXT,
     ts INTEGER NOT NULL
   );
   CREATE INDEX doc_updates_by_doc ON doc_updates (doc_id, seq);
   CREATE TABLE doc_snapshots (
     doc_id TEXT PRIMARY KEY REFERENCES documents(id),
     state BLOB NOT NULL,
     upto_seq INTEGER NOT NULL,
     ts INTEGER NOT NULL
   );`,
  // Accounts, scopes and roles; documents belong to an organisation of the tree.
  `CREATE TABLE organisations (
     id TEXT PRIMARY KEY,
     parent_id TEXT REFERENCES organisations(id),
     kind TEXT NOT NULL CHECK (kind IN ('region', 'municipality', 'school')),
     name TEXT NOT NULL,
     school_type TEXT,
     created_at TEXT NOT NULL
   );
   CREATE INDEX organisations_by_parent ON organisations (parent_id);
   CREATE TABLE school_statuses (
     org_id TEXT NOT NULL REFERENCES organisations(id),
     year INTEGER NOT NULL,
     status TEXT NOT NULL,
     PRIMARY KEY (org_id, year)
   );
   CREATE TABLE accounts (
     id TEXT PRIMARY KEY,
     login TEXT NOT NULL UNIQUE,
     full_name TEXT NOT NULL,
     position TEXT NOT NULL,
     org_id TEXT NOT NULL REFERENCES organisations(id),
     password_hash TEXT,
     created_at TEXT NOT NULL
   );
   CREATE TABLE role_grants (
     id TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts(id),
     role TEXT NOT NULL,
     org_id TEXT NOT NULL REFERENCES organisations(id),
     UNIQUE (account_id, role, org_id)
   );
   CREATE TABLE curator_assignments (
     account_id TEXT NOT NULL REFERENCES accounts(id),
     school_id TEXT NOT NULL REFERENCES organisations(id),
     PRIMARY KEY (account_id, school_id)
   );
   -- Secrets (sessions, tokens, invitations) are stored as SHA-256 of the random value only.
   CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     token_hash TEXT NOT NULL UNIQUE,
     account_id TEXT NOT NULL REFERENCES accounts(id),
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );
   CREATE TABLE api_tokens (
     id TEXT PRIMARY KEY,
     token_hash TEXT NOT NULL UNIQUE,
     account_id TEXT NOT NULL REFERENCES accounts(id),
     name TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE invitations (
     token_hash TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts(id),
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     used_at TEXT
   );
   CREATE TABLE login_failures (
     login TEXT NOT NULL,
     ts INTEGER NOT NULL
   );
   CREATE INDEX login_failures_by_login ON login_failures (login, ts);
   CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     ts TEXT NOT NULL,
     action TEXT NOT NULL,
     actor_id TEXT,
     scope_org_id TEXT,
     subject TEXT NOT NULL,
     details TEXT NOT NULL
   );
   ALTER TABLE documents ADD COLUMN org_id TEXT REFERENCES organisations(id);
   -- Logs and snapshots are keyed by room, which is a document or its comments
   -- companion (<docId>:comments, with no row of its own): no foreign key.
   CREATE TABLE doc_updates_v2 (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc_id TEXT NOT NULL,
     data BLOB NOT NULL,
     user_id TEXT,
     ts INTEGER NOT NULL
   );
   INSERT INTO doc_updates_v2 SELECT seq, doc_id, data, user_id, ts FROM doc_updates;
   DROP TABLE doc_updates;
   ALTER TABLE doc_updates_v2 RENAME TO doc_updates;
   CREATE INDEX doc_updates_by_doc ON doc_updates (doc_id, seq);
   CREATE TABLE doc_snapshots_v2 (
     doc_id TEXT PRIMARY KEY,
     state BLOB NOT NULL,
     upto_seq INTEGER NOT NULL,
     ts INTEGER NOT NULL
   );
   INSERT INTO doc_snapshots_v2 SELECT doc_id, state, upto_seq, ts FROM doc_snapshots;
   DROP TABLE doc_snapshots;
   ALTER TABLE doc_snapshots_v2 RENAME TO doc_snapshots;`,
  // Failed logins are counted per source address too, so a stranger cannot lock
  // a login out; older failures (no source) no longer count. A newer invitation
  // link replaces the earlier ones. Repeats of a flood-prone audit event are
  // counted on one entry.
  `ALTER TABLE login_failures ADD COLUMN source TEXT;
   CREATE INDEX login_failures_by_source ON login_failures (source, ts);
   ALTER TABLE invitations ADD COLUMN replaced_at TEXT;
   CREATE INDEX invitations_by_account ON invitations (account_id);
   ALTER TABLE audit_log ADD COLUMN count INTEGER NOT NULL DEFAULT 1;
   ALTER TABLE audit_log ADD COLUMN last_ts TEXT NOT NULL DEFAULT '';
   UPDATE audit_log SET last_ts = ts;
   CREATE INDEX audit_log_repeats ON audit_log (action, subject, id);`,
  // Which account wrote each Yjs client id of a room: a client id is its
  // writer's alone (see sync/ClientIdOwners.ts). Written with the update that
  // first used it, so the two are never out of step.
  `CREATE TABLE doc_client_ids (
     doc_id TEXT NOT NULL,
     client_id INTEGER NOT NULL,
     account_id TEXT NOT NULL,
     PRIMARY KEY (doc_id, client_id)
   ) WITHOUT ROWID;`,
  // What each document's comments hold, kept current as its comments room
  // stores updates (see comments/commentDigest.ts), and when each person last
  // looked at a document's comments: the documents list counts from these
  // without loading every comments room.
  `CREATE TABLE comment_digests (
     doc_id TEXT PRIMARY KEY,
     digest TEXT NOT NULL,
     updated_at TEXT NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE comment_reads (
     account_id TEXT NOT NULL,
     doc_id TEXT NOT NULL,
     seen_at TEXT NOT NULL,
     PRIMARY KEY (account_id, doc_id)
   ) WITHOUT ROWID;`,
  // The agreement workflow: each document's status and approving order, and
  // every transition with who, when and why (server-authoritative: no update
  // of a document can change them). Versions of a document's state: at each
  // submit, agree and approve, named ones, and a daily one.
  `ALTER TABLE documents ADD COLUMN status TEXT NOT NULL DEFAULT 'draft';
   ALTER TABLE documents ADD COLUMN order_number TEXT;
   ALTER TABLE documents ADD COLUMN order_date TEXT;
   CREATE TABLE document_transitions (
     id INTEGER PRIMARY KEY,
     doc_id TEXT NOT NULL,
     action TEXT NOT NULL,
     from_status TEXT NOT NULL,
     to_status TEXT NOT NULL,
     actor_id TEXT NOT NULL,
     reason TEXT,
     order_number TEXT,
     order_date TEXT,
     at TEXT NOT NULL
   );
   CREATE INDEX document_transitions_by_doc ON document_transitions (doc_id, id);
   CREATE TABLE doc_versions (
     id INTEGER PRIMARY KEY,
     doc_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     name TEXT NOT NULL,
     state BLOB NOT NULL,
     created_by TEXT,
     created_at TEXT NOT NULL
   );
   CREATE INDEX doc_versions_by_doc ON doc_versions (doc_id, id);`,
  // Who set each cell to what and when (the log is compacted; this stays), and
  // the writes Yjs resolved silently: two values of one cell written apart,
  // kept until someone picks one.
  `CREATE TABLE cell_edits (
     id INTEGER PRIMARY KEY,
     doc_id TEXT NOT NULL,
     table_id TEXT NOT NULL,
     row_id TEXT NOT NULL,
     column_id TEXT NOT NULL,
     value TEXT NOT NULL,
     account_id TEXT,
     at TEXT NOT NULL
   );
   CREATE INDEX cell_edits_by_cell ON cell_edits (doc_id, table_id, row_id, column_id, id);
   CREATE TABLE cell_conflicts (
     id INTEGER PRIMARY KEY,
     doc_id TEXT NOT NULL,
     table_id TEXT NOT NULL,
     row_id TEXT NOT NULL,
     column_id TEXT NOT NULL,
     kept_value TEXT NOT NULL,
     kept_by TEXT,
     lost_value TEXT NOT NULL,
     lost_by TEXT,
     at TEXT NOT NULL,
     resolved_by TEXT,
     resolved_at TEXT
   );
   CREATE INDEX cell_conflicts_by_doc ON cell_conflicts (doc_id, resolved_at);`,
  // People without accounts, named in «Ответственные» (a director of a municipal
  // institution who never signs in): the coordinator's registry of them.
  `CREATE TABLE registry_people (
     id TEXT PRIMARY KEY,
     full_name TEXT NOT NULL,
     position TEXT NOT NULL,
     org_id TEXT NOT NULL REFERENCES organisations(id),
     created_at TEXT NOT NULL
   );
   CREATE INDEX registry_people_by_org ON registry_people (org_id);`,
  // What «Мониторинг» reads of each document's content (its measures with their
  // deadlines, chosen risk factors, deficits), kept as the content changes.
  `CREATE TABLE document_facts (
     doc_id TEXT PRIMARY KEY REFERENCES documents(id),
     facts TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );`,
  // Evidence on a measure (подтверждающие документы): files by SHA-256 (the bytes under
  // DATA_DIR/evidence), or links; a curator's verdict; removal keeps the row for the journal.
  `CREATE TABLE evidence (
     id TEXT PRIMARY KEY,
     doc_id TEXT NOT NULL REFERENCES documents(id),
     table_id TEXT NOT NULL,
     row_id TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('file', 'link')),
     name TEXT NOT NULL,
     url TEXT,
     sha256 TEXT,
     size INTEGER,
     media_type TEXT,
     uploaded_by TEXT NOT NULL,
     uploaded_at TEXT NOT NULL,
     verdict TEXT CHECK (verdict IN ('accepted', 'rejected')),
     reason TEXT NOT NULL DEFAULT '',
     reviewed_by TEXT,
     reviewed_at TEXT,
     removed INTEGER NOT NULL DEFAULT 0,
     CHECK ((kind = 'file') = (sha256 IS NOT NULL AND size IS NOT NULL AND media_type IS NOT NULL)),
     CHECK ((kind = 'link') = (url IS NOT NULL))
   );
   CREATE INDEX evidence_by_doc ON evidence (doc_id, uploaded_at);`,
  // The update log keyed by (room, sequence) and nothing else: no rowid, no AUTOINCREMENT
  // counter, no second index to write with every update. Sequence numbers become per room;
  // the old ones are global, so every room's go on increasing from where they were.
  `CREATE TABLE doc_updates_v3 (
     doc_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     data BLOB NOT NULL,
     user_id TEXT,
     ts INTEGER NOT NULL,
     PRIMARY KEY (doc_id, seq)
   ) WITHOUT ROWID;
   INSERT INTO doc_updates_v3 (doc_id, seq, data, user_id, ts) SELECT doc_id, seq, data, user_id, ts FROM doc_updates;
   DROP TABLE doc_updates;
   ALTER TABLE doc_updates_v3 RENAME TO doc_updates;
   -- A big document's snapshot is stored in parts (documents/stateParts.ts): part 0 stays
   -- in doc_snapshots.state, the others are here, in the order they are applied.
   CREATE TABLE doc_snapshot_parts (
     doc_id TEXT NOT NULL,
     part INTEGER NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (doc_id, part)
   ) WITHOUT ROWID;`,
];

/** How many migrations this server knows: the schema version it brings a database to. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the schema up to date (or, for the tests of a migration, up to `target`). */
export function migrate(db: Database.Database, target = MIGRATIONS.length): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema ${current} is newer than this server (${MIGRATIONS.length})`);
  }
  for (let version = current; version < target; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
