import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { DocumentStore } from "./DocumentStore.ts";
import { SqliteStore } from "./SqliteStore.ts";

const bytes = (...values: number[]) => new Uint8Array(values);

/**
 * What a room catches up with when another instance appended (loadSince),
 * and compaction with several writers: the log after what a snapshot covers
 * is kept, and an older snapshot never replaces a newer one.
 */
describe("SqliteStore: the log for several writers", () => {
  const dirs: string[] = [];
  let store: DocumentStore | null = null;
  afterEach(async () => {
    await store?.close();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const open = async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "karta-log-"));
    dirs.push(dir);
    const opened = new SqliteStore(dir);
    store = opened;
    const at = "2026-01-01T00:00:00.000Z";
    await opened.createDocument(
      {
        id: "doc-1",
        title: "Дорожная карта",
        templateId: "municipal-roadmap",
        templateVersion: 1,
        organisationId: null,
        organisation: "Славянский район",
        year: 2026,
        createdAt: at,
        updatedAt: at,
        status: "draft",
        order: null,
      },
      bytes(0, 0),
    );
    return opened;
  };

  it("gives the updates after a sequence number, with their numbers", async () => {
    const s = await open();
    for (const n of [1, 2, 3]) expect(await s.appendUpdate("doc-1", bytes(n))).toBe(n);
    expect(await s.loadSince("doc-1", 1)).toEqual({
      snapshot: null,
      updates: [
        { seq: 2, update: bytes(2) },
        { seq: 3, update: bytes(3) },
      ],
    });
    expect(await s.loadSince("doc-1", 3)).toEqual({ snapshot: null, updates: [] });
  });

  it("gives the snapshot when a compaction dropped what was asked for, and keeps what came after it", async () => {
    const s = await open();
    for (const n of [1, 2, 3, 4]) await s.appendUpdate("doc-1", bytes(n));
    await s.compact("doc-1", [bytes(9, 1), bytes(9, 2)], 2);
    expect(await s.loadSince("doc-1", 1)).toEqual({
      snapshot: { parts: [bytes(9, 1), bytes(9, 2)], uptoSeq: 2 },
      updates: [
        { seq: 3, update: bytes(3) },
        { seq: 4, update: bytes(4) },
      ],
    });
    // An instance that held less compacts later: the newer snapshot stays.
    await s.compact("doc-1", [bytes(8)], 1);
    expect((await s.loadState("doc-1")).snapshot).toEqual([bytes(9, 1), bytes(9, 2)]);
    expect((await s.loadSince("doc-1", 2)).updates.map((u) => u.seq)).toEqual([3, 4]);
  });
});
