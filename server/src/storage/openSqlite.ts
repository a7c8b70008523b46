import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "./sqliteMigrations.ts";

/**
 * Opens (creating if needed) the embedded database in WAL mode and brings its
 * schema up to date. better-sqlite3 is synchronous, so when a store's promise
 * resolves the row is in the WAL: it survives a crash of the process (and
 * with synchronous=FULL a power loss).
 */
export function openSqlite(dataDir: string, options: { synchronous?: "NORMAL" | "FULL" } = {}): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, "karta.sqlite"));
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${options.synchronous ?? "NORMAL"}`);
  db.pragma("foreign_keys = ON");
  migrate(db);
  return db;
}
