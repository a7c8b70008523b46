import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate, SCHEMA_VERSION } from "./sqliteMigrations.ts";

describe("the update log keyed by (room, sequence)", () => {
  it("keeps every update of a log numbered globally, and each room numbers on from its own highest", () => {
    const db = new Database(":memory:");
    migrate(db, SCHEMA_VERSION - 1);
    const insert = db.prepare("INSERT INTO doc_updates (doc_id, data, user_id, ts) VALUES (?, ?, ?, ?)");
    insert.run("doc-a", Buffer.from([1]), "acc-1", 1);
    insert.run("doc-b", Buffer.from([2]), null, 2);
    insert.run("doc-a", Buffer.from([3]), "acc-2", 3);

    migrate(db);

    expect(db.prepare("SELECT doc_id, seq, data, user_id, ts FROM doc_updates ORDER BY doc_id, seq").all()).toEqual([
      { doc_id: "doc-a", seq: 1, data: Buffer.from([1]), user_id: "acc-1", ts: 1 },
      { doc_id: "doc-a", seq: 3, data: Buffer.from([3]), user_id: "acc-2", ts: 3 },
      { doc_id: "doc-b", seq: 2, data: Buffer.from([2]), user_id: null, ts: 2 },
    ]);
    const table = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'doc_updates'").get() as { sql: string };
    expect(table.sql).toMatch(/PRIMARY KEY \(doc_id, seq\)\s*\)\s*WITHOUT ROWID/);
    // A second append of the same (room, sequence) is refused, not stored twice.
    expect(() =>
      db.prepare("INSERT INTO doc_updates (doc_id, seq, data, ts) VALUES ('doc-a', 3, x'00', 4)").run(),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
    db.close();
  });
});
