import type pg from "pg";
import { row, transaction } from "./pgQuery.ts";

/**
 * The PostgreSQL schema, in versions applied in order and recorded in the
 * table `schema_version` (one row). Append new steps; never edit a step that
 * has shipped. Step 1 is the SQLite schema as of its version 13
 * (sqliteMigrations.ts) with PostgreSQL's types: bytea for bytes, bigint for
 * sequence numbers, client ids and millisecond times, identity columns for
 * the numbered records. Times and names are text in the "C" collation, so
 * that they sort and compare byte by byte as SQLite's do, whatever the
 * database's locale.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE organisations (
     id TEXT PRIMARY KEY,
     parent_id TEXT REFERENCES organisations(id),
     kind TEXT COLLATE "C" NOT NULL CHECK (kind IN ('region', 'municipality', 'school')),
     name TEXT COLLATE "C" NOT NULL,
     school_type TEXT,
     created_at TEXT COLLATE "C" NOT NULL
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
     full_name TEXT COLLATE "C" NOT NULL,
     position TEXT NOT NULL,
     org_id TEXT NOT NULL REFERENCES organisations(id),
     password_hash TEXT,
     created_at TEXT COLLATE "C" NOT NULL
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
     created_at TEXT COLLATE "C" NOT NULL,
     expires_at TEXT COLLATE "C" NOT NULL
   );
   CREATE INDEX sessions_by_account ON sessions (account_id);
   CREATE TABLE api_tokens (
     id TEXT PRIMARY KEY,
     token_hash TEXT NOT NULL UNIQUE,
     account_id TEXT NOT NULL REFERENCES accounts(id),
     name TEXT NOT NULL,
     created_at TEXT COLLATE "C" NOT NULL
   );
   CREATE INDEX api_tokens_by_account ON api_tokens (account_id);
   CREATE TABLE invitations (
     token_hash TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts(id),
     created_at TEXT COLLATE "C" NOT NULL,
     expires_at TEXT COLLATE "C" NOT NULL,
     used_at TEXT COLLATE "C",
     replaced_at TEXT COLLATE "C"
   );
   CREATE INDEX invitations_by_account ON invitations (account_id);
   CREATE TABLE login_failures (
     login TEXT NOT NULL,
     source TEXT,
     ts BIGINT NOT NULL
   );
   CREATE INDEX login_failures_by_login ON login_failures (login, ts);
   CREATE INDEX login_failures_by_source ON login_failures (source, ts);
   CREATE TABLE audit_log (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     ts TEXT COLLATE "C" NOT NULL,
     last_ts TEXT COLLATE "C" NOT NULL,
     action TEXT NOT NULL,
     actor_id TEXT,
     scope_org_id TEXT,
     subject TEXT NOT NULL,
     details TEXT NOT NULL,
     count INTEGER NOT NULL DEFAULT 1
   );
   CREATE INDEX audit_log_repeats ON audit_log (action, subject, id);
   CREATE INDEX audit_log_by_scope ON audit_log (scope_org_id, id);

   CREATE TABLE documents (
     id TEXT PRIMARY KEY,
     title TEXT COLLATE "C" NOT NULL,
     template_id TEXT NOT NULL,
     template_version INTEGER NOT NULL,
     org_id TEXT REFERENCES organisations(id),
     organisation TEXT COLLATE "C" NOT NULL,
     year INTEGER NOT NULL,
     created_at TEXT COLLATE "C" NOT NULL,
     updated_at TEXT COLLATE "C" NOT NULL,
     status TEXT NOT NULL DEFAULT 'draft',
     order_number TEXT,
     order_date TEXT
   );
   -- Each room's last sequence number: a room is a document or its comments companion
   -- (<docId>:comments, with no row in documents). An append takes its numbers with
   -- UPDATE ... last_seq + n RETURNING in its own transaction, so instances that write
   -- the same room are numbered one after the other (the row lock lasts until COMMIT).
   CREATE TABLE doc_rooms (
     doc_id TEXT PRIMARY KEY,
     last_seq BIGINT NOT NULL
   );
   CREATE TABLE doc_updates (
     doc_id TEXT NOT NULL,
     seq BIGINT NOT NULL,
     data BYTEA NOT NULL,
     user_id TEXT,
     ts BIGINT NOT NULL,
     PRIMARY KEY (doc_id, seq)
   );
   CREATE TABLE doc_snapshots (
     doc_id TEXT PRIMARY KEY,
     state BYTEA NOT NULL,
     upto_seq BIGINT NOT NULL,
     ts BIGINT NOT NULL
   );
   -- A big document's snapshot in parts (documents/stateParts.ts): part 0 is doc_snapshots.state.
   CREATE TABLE doc_snapshot_parts (
     doc_id TEXT NOT NULL,
     part INTEGER NOT NULL,
     data BYTEA NOT NULL,
     PRIMARY KEY (doc_id, part)
   );
   -- Which account wrote each Yjs client id of a room (sync/ClientIdOwners.ts).
   CREATE TABLE doc_client_ids (
     doc_id TEXT NOT NULL,
     client_id BIGINT NOT NULL,
     account_id TEXT NOT NULL,
     PRIMARY KEY (doc_id, client_id)
   );
   CREATE TABLE comment_digests (
     doc_id TEXT PRIMARY KEY,
     digest TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE comment_reads (
     account_id TEXT NOT NULL,
     doc_id TEXT NOT NULL,
     seen_at TEXT COLLATE "C" NOT NULL,
     PRIMARY KEY (account_id, doc_id)
   );
   CREATE TABLE document_transitions (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     doc_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     name TEXT NOT NULL,
     state BYTEA NOT NULL,
     created_by TEXT,
     created_at TEXT NOT NULL
   );
   CREATE INDEX doc_versions_by_doc ON doc_versions (doc_id, id);
   CREATE TABLE cell_edits (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
   CREATE INDEX cell_conflicts_by_doc ON cell_conflicts (doc_id, resolved_at);
   CREATE TABLE registry_people (
     id TEXT COLLATE "C" PRIMARY KEY,
     full_name TEXT COLLATE "C" NOT NULL,
     position TEXT NOT NULL,
     org_id TEXT NOT NULL REFERENCES organisations(id),
     created_at TEXT NOT NULL
   );
   CREATE INDEX registry_people_by_org ON registry_people (org_id);
   CREATE TABLE document_facts (
     doc_id TEXT PRIMARY KEY REFERENCES documents(id),
     facts TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   -- Evidence metadata; the bytes stay under DATA_DIR/evidence. The column added orders records
   -- uploaded at the same instant as SQLite's rowid does.
   CREATE TABLE evidence (
     id TEXT PRIMARY KEY,
     added BIGINT GENERATED ALWAYS AS IDENTITY,
     doc_id TEXT NOT NULL REFERENCES documents(id),
     table_id TEXT NOT NULL,
     row_id TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('file', 'link')),
     name TEXT NOT NULL,
     url TEXT,
     sha256 TEXT,
     size BIGINT,
     media_type TEXT,
     uploaded_by TEXT NOT NULL,
     uploaded_at TEXT COLLATE "C" NOT NULL,
     verdict TEXT CHECK (verdict IN ('accepted', 'rejected')),
     reason TEXT NOT NULL DEFAULT '',
     reviewed_by TEXT,
     reviewed_at TEXT,
     removed BOOLEAN NOT NULL DEFAULT false,
     CHECK ((kind = 'file') = (sha256 IS NOT NULL AND size IS NOT NULL AND media_type IS NOT NULL)),
     CHECK ((kind = 'link') = (url IS NOT NULL))
   );
   CREATE INDEX evidence_by_doc ON evidence (doc_id, uploaded_at, added);`,
];

/** How many migrations this server knows: the schema version it brings a database to. */
export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the schema (the first of the connection's search_path) up to date.
 * One transaction holding an advisory lock: instances started together take
 * turns, and the second finds the work done.
 */
export async function migratePostgres(pool: pg.Pool, target = MIGRATIONS.length): Promise<void> {
  await transaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('karta-migrations:' || current_schema()))");
    await client.query("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    const current = (await row<{ version: number }>(client, "SELECT version FROM schema_version"))?.version ?? 0;
    if (current > MIGRATIONS.length) {
      throw new Error(`database schema ${current} is newer than this server (${MIGRATIONS.length})`);
    }
    for (let version = current; version < target; version++) await client.query(MIGRATIONS[version] as string);
    if (current === 0) await client.query("INSERT INTO schema_version (version) VALUES ($1)", [target]);
    else if (target > current) await client.query("UPDATE schema_version SET version = $1", [target]);
  });
}
