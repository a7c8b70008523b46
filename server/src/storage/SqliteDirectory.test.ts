import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { describeDirectoryStoreContract } from "./contract/directoryStoreContract.ts";
import { openSqlite } from "./openSqlite.ts";
import { SqliteDirectory } from "./SqliteDirectory.ts";

/** The DirectoryStore contract, run against the embedded store (each case in a new data directory). */
describeDirectoryStoreContract("SqliteDirectory", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "karta-directory-"));
  const dbs: Database.Database[] = [openSqlite(dir)];
  return {
    directory: new SqliteDirectory(dbs[0] as Database.Database),
    async reopen() {
      const db = openSqlite(dir);
      dbs.push(db);
      return new SqliteDirectory(db);
    },
    async dispose() {
      for (const db of dbs) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
