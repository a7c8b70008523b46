import path from "node:path";
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import type { DirectoryStore } from "./DirectoryStore.ts";
import type { DocumentStore } from "./DocumentStore.ts";
import type { EvidenceStore } from "./EvidenceStore.ts";
import { openSqlite } from "./openSqlite.ts";
import { openPostgres } from "./postgres/openPostgres.ts";
import { PostgresDirectory } from "./postgres/PostgresDirectory.ts";
import { PostgresDocumentStore } from "./postgres/PostgresDocumentStore.ts";
import { PostgresEvidence } from "./postgres/PostgresEvidence.ts";
import { exclusively } from "./postgres/pgQuery.ts";
import { SqliteDirectory } from "./SqliteDirectory.ts";
import { SqliteEvidence } from "./SqliteEvidence.ts";
import { SqliteStore } from "./SqliteStore.ts";
import { WalCheckpointer } from "./walCheckpointer.ts";

/** The three stores of a server, on one database. */
export interface Stores {
  readonly kind: "sqlite" | "postgres";
  readonly documents: DocumentStore;
  readonly directory: DirectoryStore;
  readonly evidence: EvidenceStore;
  /**
   * Runs `work` while no other instance on the same database runs work of the
   * same name (PostgreSQL: an advisory lock; SQLite has one instance).
   */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** After the server's last write: stops the checkpointer (SQLite) and closes the database. */
  close(): Promise<void>;
}

/**
 * PostgreSQL when DATABASE_URL is set (migrated on open), otherwise the
 * embedded SQLite database under DATA_DIR with its WAL checkpointer (only if
 * `log` is given: the administrator's short-lived command does without).
 */
export async function openStores(
  config: Pick<Config, "DATA_DIR" | "DATABASE_URL" | "SQLITE_SYNCHRONOUS">,
  log?: Logger,
): Promise<Stores> {
  if (config.DATABASE_URL !== undefined) {
    const pool = await openPostgres(config.DATABASE_URL, {
      onIdleError: (error) => log?.warn({ err: error }, "an idle PostgreSQL connection failed; the pool drops it"),
    });
    const documents = new PostgresDocumentStore(pool);
    return {
      kind: "postgres",
      documents,
      directory: new PostgresDirectory(pool),
      evidence: new PostgresEvidence(pool),
      exclusively: (name, work) => exclusively(pool, name, work),
      close: () => documents.close(),
    };
  }
  const db = openSqlite(path.resolve(config.DATA_DIR), { synchronous: config.SQLITE_SYNCHRONOUS });
  const checkpointer = log ? WalCheckpointer.start(db, log) : null;
  const documents = new SqliteStore(db);
  return {
    kind: "sqlite",
    documents,
    directory: new SqliteDirectory(db),
    evidence: new SqliteEvidence(db),
    exclusively: (_name, work) => work(),
    async close() {
      await checkpointer?.stop();
      await documents.close();
    },
  };
}
