import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { DocumentRecord, DocumentStore } from "./DocumentStore.ts";
import { SqliteStore } from "./SqliteStore.ts";

const record = (id: string): DocumentRecord => ({
  id,
  title: "Дорожная карта",
  templateId: "municipal-roadmap",
  templateVersion: 1,
  organisationId: null,
  organisation: "Славянский район",
  year: 2022,
  createdAt: "2022-01-21T00:00:00.000Z",
  updatedAt: "2022-01-21T00:00:00.000Z",
  status: "draft",
  order: null,
});

/**
 * The DocumentStore contract, run against the embedded store. A PostgreSQL
 * store must pass the same cases.
 */
describe("SqliteStore", () => {
  const dirs: string[] = [];
  const stores: DocumentStore[] = [];
  const open = (dir = fs.mkdtempSync(path.join(os.tmpdir(), "karta-store-"))) => {
    dirs.push(dir);
    const store = new SqliteStore(dir);
    stores.push(store);
    return { store, dir };
  };
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it("creates a document with its first snapshot and lists it", async () => {
    const { store } = open();
    await store.createDocument(record("doc-0001"), new Uint8Array([1, 2]));
    expect(await store.listDocuments()).toEqual([record("doc-0001")]);
    expect(await store.getDocument("doc-0001")).toEqual(record("doc-0001"));
    expect(await store.getDocument("missing")).toBeNull();
    expect(await store.loadState("doc-0001")).toEqual({ snapshot: [new Uint8Array([1, 2])], updates: [], lastSeq: 0 });
  });

  it("returns appended updates after the snapshot, in order, across a reopen", async () => {
    const { store, dir } = open();
    await store.createDocument(record("doc-0001"), new Uint8Array([0]));
    const s1 = await store.appendUpdate("doc-0001", new Uint8Array([1]));
    const s2 = await store.appendUpdate("doc-0001", new Uint8Array([2]));
    expect(s2).toBeGreaterThan(s1);
    await store.close();
    const reopened = open(dir).store;
    expect(await reopened.loadState("doc-0001")).toEqual({
      snapshot: [new Uint8Array([0])],
      updates: [new Uint8Array([1]), new Uint8Array([2])],
      lastSeq: s2,
    });
  });

  it("compacts: the snapshot replaces the log up to a sequence number, later updates stay", async () => {
    const { store } = open();
    await store.createDocument(record("doc-0001"), new Uint8Array([0]));
    const s1 = await store.appendUpdate("doc-0001", new Uint8Array([1]));
    const s2 = await store.appendUpdate("doc-0001", new Uint8Array([2]));
    await store.compact("doc-0001", [new Uint8Array([9])], s1);
    expect(await store.loadState("doc-0001")).toEqual({
      snapshot: [new Uint8Array([9])],
      updates: [new Uint8Array([2])],
      lastSeq: s2,
    });
  });

  it("stores the appends of many rooms made in one turn, each room numbered on from its own last", async () => {
    const { store, dir } = open();
    await store.createDocument(record("doc-0001"), new Uint8Array([0]));
    await store.createDocument(record("doc-0002"), new Uint8Array([0]));
    const first = await store.appendUpdate("doc-0001", new Uint8Array([1]));
    await store.compact("doc-0001", [new Uint8Array([9])], first); // the log is empty now
    const turn = await Promise.all([
      store.appendUpdate("doc-0001", new Uint8Array([2])),
      store.appendUpdate("doc-0002", new Uint8Array([3])),
      store.appendUpdate("doc-0001", new Uint8Array([4]), { accountId: "acc-1", clientIds: [42] }),
    ]);
    expect(turn).toEqual([first + 1, 1, first + 2]);
    await store.close();
    const reopened = open(dir).store;
    expect(await reopened.loadState("doc-0001")).toEqual({
      snapshot: [new Uint8Array([9])],
      updates: [new Uint8Array([2]), new Uint8Array([4])],
      lastSeq: first + 2,
    });
    expect(await reopened.loadClientIdOwners("doc-0001")).toEqual(new Map([[42, "acc-1"]]));
    // After a restart the numbering goes on from what is stored, not from 1.
    expect(await reopened.appendUpdate("doc-0001", new Uint8Array([5]))).toBe(first + 3);
  });

  it("keeps a snapshot stored in parts, in order, and forgets the parts a smaller snapshot replaces", async () => {
    const { store, dir } = open();
    await store.createDocument(record("doc-0001"), new Uint8Array([0]));
    const seq = await store.appendUpdate("doc-0001", new Uint8Array([1]));
    await store.compact("doc-0001", [new Uint8Array([7]), new Uint8Array([8]), new Uint8Array([9])], seq);
    await store.close();
    const reopened = open(dir).store;
    expect((await reopened.loadState("doc-0001")).snapshot).toEqual([
      new Uint8Array([7]),
      new Uint8Array([8]),
      new Uint8Array([9]),
    ]);
    await reopened.compact("doc-0001", [new Uint8Array([6])], seq);
    expect((await reopened.loadState("doc-0001")).snapshot).toEqual([new Uint8Array([6])]);
  });

  it("keeps the log of a comments room, which has no document row of its own", async () => {
    const { store } = open();
    await store.createDocument(record("DocumentA1"), new Uint8Array([0, 0]));
    const seq = await store.appendUpdate("DocumentA1:comments", new Uint8Array([7, 7]));
    const state = await store.loadState("DocumentA1:comments");
    expect(state.snapshot).toEqual([]);
    expect(state.updates).toEqual([new Uint8Array([7, 7])]);
    expect(state.lastSeq).toBe(seq);
    // The content document's own log is separate.
    expect((await store.loadState("DocumentA1")).updates).toEqual([]);
  });

  it("moves a document along the workflow only from the status it is in, recording each step", async () => {
    const { store, dir } = open();
    await store.createDocument(record("doc-0001"), new Uint8Array([0]));
    const step = {
      docId: "doc-0001",
      action: "submit" as const,
      from: "draft" as const,
      to: "submitted" as const,
      actorId: "acc-school",
      reason: null,
      order: null,
      at: "2023-02-01T10:00:00.000Z",
    };
    expect(await store.recordTransition(step)).toBe(true);
    expect(await store.recordTransition(step)).toBe(false); // no longer a draft
    const approval = {
      ...step,
      action: "approve" as const,
      from: "submitted" as const,
      to: "approved" as const,
      order: { number: "12", date: "2023-02-15" },
    };
    expect(await store.recordTransition(approval)).toBe(true);
    await store.close();
    const reopened = open(dir).store;
    expect(await reopened.getDocument("doc-0001")).toMatchObject({
      status: "approved",
      order: { number: "12", date: "2023-02-15" },
    });
    expect(await reopened.listTransitions(["doc-0001"])).toEqual([step, approval]);
  });

  it("keeps versions of a document, newest first, with their states", async () => {
    const { store } = open();
    await store.createDocument(record("doc-0001"), new Uint8Array([0]));
    const base = { docId: "doc-0001", createdBy: "acc-1", createdAt: "2023-02-01T10:00:00.000Z" };
    const first = await store.addVersion({ ...base, kind: "named", name: "До правок" }, new Uint8Array([1]));
    const second = await store.addVersion({ ...base, kind: "agree", name: "" }, new Uint8Array([2]));
    expect((await store.listVersions("doc-0001")).map((v) => [v.id, v.kind])).toEqual([
      [second, "agree"],
      [first, "named"],
    ]);
    expect((await store.getVersion("doc-0001", first))?.state).toEqual(new Uint8Array([1]));
    expect(await store.getVersion("other", first)).toBeNull();
  });
});
