import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../log.ts";
import { openSqlite } from "./openSqlite.ts";
import { WalCheckpointer } from "./walCheckpointer.ts";

describe("WalCheckpointer", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("copies what was committed into the database file from its own thread", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "karta-wal-"));
    dirs.push(dir);
    const db = openSqlite(dir);
    const checkpointer = WalCheckpointer.start(db, createLogger("silent"));
    // The committing connection would only checkpoint itself past WAL_AUTOCHECKPOINT_PAGES.
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBeGreaterThan(1000);
    const file = path.join(dir, "karta.sqlite");
    const before = fs.statSync(file).size;
    db.exec("CREATE TABLE filler (data BLOB)");
    const insert = db.prepare("INSERT INTO filler (data) VALUES (?)");
    for (let i = 0; i < 200; i++) insert.run(Buffer.alloc(4000, i));
    const deadline = Date.now() + 15_000;
    while (fs.statSync(file).size < before + 200 * 4000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(fs.statSync(file).size).toBeGreaterThanOrEqual(before + 200 * 4000);
    await checkpointer.stop();
    db.close();
  }, 20_000);
});
