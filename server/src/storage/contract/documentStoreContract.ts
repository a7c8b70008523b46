import { afterEach, describe, expect, it } from "vitest";
import type { DocumentRecord, DocumentStore } from "../DocumentStore.ts";

/** A store on fresh, empty storage, and how to open it again (after closing it) on the same data. */
export interface OpenedDocumentStore {
  readonly store: DocumentStore;
  /** A new store on the same data; the test closes the previous one first. */
  reopen(): Promise<DocumentStore>;
  /** Closes what is still open and deletes the data. */
  dispose(): Promise<void>;
}

export const documentRecord = (id: string): DocumentRecord => ({
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

const record = documentRecord;

/**
 * The DocumentStore contract: every implementation (SQLite, PostgreSQL) runs
 * these same cases, from its own *.test.ts.
 */
export function describeDocumentStoreContract(name: string, openStore: () => Promise<OpenedDocumentStore>): void {
  describe(`${name}: the DocumentStore contract`, () => {
    const opened: OpenedDocumentStore[] = [];
    const open = async () => {
      const o = await openStore();
      opened.push(o);
      return o;
    };
    afterEach(async () => {
      for (const o of opened.splice(0)) await o.dispose();
    });

    it("creates a document with its first snapshot and lists it", async () => {
      const { store } = await open();
      await store.createDocument(record("doc-0001"), new Uint8Array([1, 2]));
      expect(await store.listDocuments()).toEqual([record("doc-0001")]);
      expect(await store.getDocument("doc-0001")).toEqual(record("doc-0001"));
      expect(await store.getDocument("missing")).toBeNull();
      expect(await store.countDocuments()).toBe(1);
      expect(await store.loadState("doc-0001")).toEqual({
        snapshot: [new Uint8Array([1, 2])],
        updates: [],
        lastSeq: 0,
      });
    });

    it("gives the updates after a sequence number, with their numbers (catching up with another instance)", async () => {
      const { store } = await open();
      const bytes = (...values: number[]) => new Uint8Array(values);
      await store.createDocument(record("doc-1"), bytes(0, 0));
      for (const n of [1, 2, 3]) expect(await store.appendUpdate("doc-1", bytes(n))).toBe(n);
      expect(await store.loadSince("doc-1", 1)).toEqual({
        snapshot: null,
        updates: [
          { seq: 2, update: bytes(2) },
          { seq: 3, update: bytes(3) },
        ],
      });
      expect(await store.loadSince("doc-1", 3)).toEqual({ snapshot: null, updates: [] });
    });

    it("gives the snapshot when a compaction dropped what was asked for, and never replaces a newer snapshot", async () => {
      const { store } = await open();
      const bytes = (...values: number[]) => new Uint8Array(values);
      await store.createDocument(record("doc-1"), bytes(0, 0));
      for (const n of [1, 2, 3, 4]) await store.appendUpdate("doc-1", bytes(n));
      await store.compact("doc-1", [bytes(9, 1), bytes(9, 2)], 2);
      expect(await store.loadSince("doc-1", 1)).toEqual({
        snapshot: { parts: [bytes(9, 1), bytes(9, 2)], uptoSeq: 2 },
        updates: [
          { seq: 3, update: bytes(3) },
          { seq: 4, update: bytes(4) },
        ],
      });
      // An instance that held less compacts later: the newer snapshot stays.
      await store.compact("doc-1", [bytes(8)], 1);
      expect((await store.loadState("doc-1")).snapshot).toEqual([bytes(9, 1), bytes(9, 2)]);
      expect((await store.loadSince("doc-1", 2)).updates.map((u) => u.seq)).toEqual([3, 4]);
    });

    it("refuses a second document with the same id and keeps the first", async () => {
      const { store } = await open();
      await store.createDocument(record("doc-0001"), new Uint8Array([1]));
      await expect(
        store.createDocument({ ...record("doc-0001"), title: "Другая" }, new Uint8Array([2])),
      ).rejects.toThrow();
      expect((await store.getDocument("doc-0001"))?.title).toBe("Дорожная карта");
      expect((await store.loadState("doc-0001")).snapshot).toEqual([new Uint8Array([1])]);
    });

    it("lists documents by organisation, then creation time and title", async () => {
      const { store } = await open();
      await store.createDocument(
        { ...record("doc-b"), organisation: "Б", createdAt: "2022-01-02T00:00:00.000Z" },
        new Uint8Array([0]),
      );
      await store.createDocument({ ...record("doc-a2"), organisation: "А", title: "Я" }, new Uint8Array([0]));
      await store.createDocument({ ...record("doc-a1"), organisation: "А", title: "Б" }, new Uint8Array([0]));
      expect((await store.listDocuments()).map((d) => d.id)).toEqual(["doc-a1", "doc-a2", "doc-b"]);
    });

    it("returns appended updates after the snapshot, in order, across a reopen", async () => {
      const { store, reopen } = await open();
      await store.createDocument(record("doc-0001"), new Uint8Array([0]));
      const s1 = await store.appendUpdate("doc-0001", new Uint8Array([1]));
      const s2 = await store.appendUpdate("doc-0001", new Uint8Array([2]));
      expect(s2).toBeGreaterThan(s1);
      await store.close();
      const reopened = await reopen();
      expect(await reopened.loadState("doc-0001")).toEqual({
        snapshot: [new Uint8Array([0])],
        updates: [new Uint8Array([1]), new Uint8Array([2])],
        lastSeq: s2,
      });
    });

    it("compacts: the snapshot replaces the log up to a sequence number, later updates stay", async () => {
      const { store } = await open();
      await store.createDocument(record("doc-0001"), new Uint8Array([0]));
      const s1 = await store.appendUpdate("doc-0001", new Uint8Array([1]));
      const s2 = await store.appendUpdate("doc-0001", new Uint8Array([2]));
      await store.compact("doc-0001", [new Uint8Array([9])], s1);
      expect(await store.loadState("doc-0001")).toEqual({
        snapshot: [new Uint8Array([9])],
        updates: [new Uint8Array([2])],
        lastSeq: s2,
      });
      // A compaction touches the document: it was written to.
      expect((await store.getDocument("doc-0001"))?.updatedAt).not.toBe(record("doc-0001").updatedAt);
    });

    it("stores the appends of many rooms made in one turn, each room numbered on from its own last", async () => {
      const { store, reopen } = await open();
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
      const reopened = await reopen();
      expect(await reopened.loadState("doc-0001")).toEqual({
        snapshot: [new Uint8Array([9])],
        updates: [new Uint8Array([2]), new Uint8Array([4])],
        lastSeq: first + 2,
      });
      expect(await reopened.loadClientIdOwners("doc-0001")).toEqual(new Map([[42, "acc-1"]]));
      // After a restart the numbering goes on from what is stored, not from 1.
      expect(await reopened.appendUpdate("doc-0001", new Uint8Array([5]))).toBe(first + 3);
    });

    it("keeps the first owner of a client id, per room, for ids as large as Yjs makes them", async () => {
      const { store } = await open();
      await store.createDocument(record("doc-0001"), new Uint8Array([0]));
      const big = 4_294_967_295;
      await store.appendUpdate("doc-0001", new Uint8Array([1]), { accountId: "acc-1", clientIds: [7, big] });
      await store.appendUpdate("doc-0001", new Uint8Array([2]), { accountId: "acc-2", clientIds: [7, 8] });
      await store.appendUpdate("doc-0001:comments", new Uint8Array([3]), { accountId: "acc-2", clientIds: [7] });
      expect(await store.loadClientIdOwners("doc-0001")).toEqual(
        new Map([
          [7, "acc-1"],
          [big, "acc-1"],
          [8, "acc-2"],
        ]),
      );
      expect(await store.loadClientIdOwners("doc-0001:comments")).toEqual(new Map([[7, "acc-2"]]));
      expect(await store.loadClientIdOwners("doc-9999")).toEqual(new Map());
    });

    it("keeps a snapshot stored in parts, in order, and forgets the parts a smaller snapshot replaces", async () => {
      const { store, reopen } = await open();
      await store.createDocument(record("doc-0001"), new Uint8Array([0]));
      const seq = await store.appendUpdate("doc-0001", new Uint8Array([1]));
      await store.compact("doc-0001", [new Uint8Array([7]), new Uint8Array([8]), new Uint8Array([9])], seq);
      await store.close();
      const reopened = await reopen();
      expect((await reopened.loadState("doc-0001")).snapshot).toEqual([
        new Uint8Array([7]),
        new Uint8Array([8]),
        new Uint8Array([9]),
      ]);
      await reopened.compact("doc-0001", [new Uint8Array([6])], seq);
      expect((await reopened.loadState("doc-0001")).snapshot).toEqual([new Uint8Array([6])]);
    });

    it("keeps the log of a comments room, which has no document row of its own", async () => {
      const { store } = await open();
      await store.createDocument(record("DocumentA1"), new Uint8Array([0, 0]));
      const seq = await store.appendUpdate("DocumentA1:comments", new Uint8Array([7, 7]));
      const state = await store.loadState("DocumentA1:comments");
      expect(state.snapshot).toEqual([]);
      expect(state.updates).toEqual([new Uint8Array([7, 7])]);
      expect(state.lastSeq).toBe(seq);
      // The content document's own log is separate.
      expect((await store.loadState("DocumentA1")).updates).toEqual([]);
      // A comments room's first compaction makes its snapshot.
      await store.compact("DocumentA1:comments", [new Uint8Array([8])], seq);
      expect(await store.loadState("DocumentA1:comments")).toEqual({
        snapshot: [new Uint8Array([8])],
        updates: [],
        lastSeq: seq,
      });
    });

    it("moves a document along the workflow only from the status it is in, recording each step", async () => {
      const { store, reopen } = await open();
      await store.createDocument(record("doc-0001"), new Uint8Array([0]));
      await store.createDocument(record("doc-0002"), new Uint8Array([0]));
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
      const other = { ...step, docId: "doc-0002", at: "2023-02-02T10:00:00.000Z" };
      expect(await store.recordTransition(other)).toBe(true);
      const approval = {
        ...step,
        action: "approve" as const,
        from: "submitted" as const,
        to: "approved" as const,
        order: { number: "12", date: "2023-02-15" },
      };
      expect(await store.recordTransition(approval)).toBe(true);
      expect(await store.recordTransition({ ...step, docId: "missing" })).toBe(false);
      await store.close();
      const reopened = await reopen();
      expect(await reopened.getDocument("doc-0001")).toMatchObject({
        status: "approved",
        order: { number: "12", date: "2023-02-15" },
        updatedAt: approval.at,
      });
      expect(await reopened.listTransitions(["doc-0001"])).toEqual([step, approval]);
      expect(await reopened.listTransitions(["doc-0002", "doc-0001"])).toEqual([other, step, approval]);
      expect(await reopened.listTransitions()).toEqual([step, other, approval]);
      expect(await reopened.listTransitions([])).toEqual([]);
    });

    it("moves a document only once when two moves from the same status race", async () => {
      const { store } = await open();
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
      const results = await Promise.all([store.recordTransition(step), store.recordTransition(step)]);
      expect(results.sort()).toEqual([false, true]);
      expect(await store.listTransitions(["doc-0001"])).toHaveLength(1);
    });

    it("keeps versions of a document, newest first, with their states", async () => {
      const { store } = await open();
      await store.createDocument(record("doc-0001"), new Uint8Array([0]));
      const base = { docId: "doc-0001", createdBy: "acc-1", createdAt: "2023-02-01T10:00:00.000Z" };
      const first = await store.addVersion({ ...base, kind: "named", name: "До правок" }, new Uint8Array([1]));
      const second = await store.addVersion({ ...base, kind: "agree", name: "" }, new Uint8Array([2]));
      expect((await store.listVersions("doc-0001")).map((v) => [v.id, v.kind])).toEqual([
        [second, "agree"],
        [first, "named"],
      ]);
      const got = await store.getVersion("doc-0001", first);
      expect(got?.state).toEqual(new Uint8Array([1]));
      expect(got?.info).toEqual({ ...base, id: first, kind: "named", name: "До правок" });
      expect(await store.getVersion("other", first)).toBeNull();
      expect(await store.listVersions("other")).toEqual([]);
    });

    it("records cell edits newest first, and conflicts until one is resolved", async () => {
      const { store, reopen } = await open();
      const at = (s: number) => `2023-03-01T10:00:0${s}.000Z`;
      const edit = (value: string | number | boolean | null, s: number) => ({
        docId: "doc-0001",
        table: "measures",
        rowId: "r1",
        columnId: "period",
        value,
        accountId: s === 2 ? null : "acc-1",
        at: at(s),
      });
      const conflict = {
        docId: "doc-0001",
        table: "measures",
        rowId: "r1",
        columnId: "period",
        kept: { value: "Март", by: "acc-1" },
        lost: { value: 3, by: null },
        at: at(3),
        resolvedBy: null,
        resolvedAt: null,
      };
      await Promise.all([
        store.recordCellEdits([edit("Март", 1), edit(null, 2)], []),
        store.recordCellEdits([edit(true, 3)], [conflict, { ...conflict, docId: "doc-0002" }]),
      ]);
      await store.close();
      const reopened = await reopen();
      expect(await reopened.cellHistory("doc-0001", "measures", "r1", "period")).toEqual([
        edit(true, 3),
        edit(null, 2),
        edit("Март", 1),
      ]);
      expect(await reopened.cellHistory("doc-0001", "measures", "r1", "measure")).toEqual([]);
      const [open1] = await reopened.openConflicts("doc-0001");
      expect(open1).toEqual({ ...conflict, id: open1?.id });
      const id = open1?.id as number;
      // Not a conflict of that document: nothing happens.
      expect(await reopened.resolveConflict("doc-0002", id, "acc-2", at(4))).toBe(false);
      expect(await reopened.resolveConflict("doc-0001", id, "acc-2", at(4))).toBe(true);
      expect(await reopened.resolveConflict("doc-0001", id, "acc-2", at(5))).toBe(false);
      expect(await reopened.resolveConflict("doc-0001", 999_999, "acc-2", at(5))).toBe(false);
      expect(await reopened.openConflicts("doc-0001")).toEqual([]);
      expect(await reopened.openConflicts("doc-0002")).toHaveLength(1);
    });

    it("keeps the last comments digest and facts of each document", async () => {
      const { store } = await open();
      await store.createDocument(record("doc-0001"), new Uint8Array([0]));
      await store.createDocument(record("doc-0002"), new Uint8Array([0]));
      await store.putCommentDigest("doc-0001", '{"open":1}');
      await store.putCommentDigest("doc-0001", '{"open":2}');
      await store.putCommentDigest("doc-0002", '{"open":0}');
      expect(await store.listCommentDigests()).toEqual(
        new Map([
          ["doc-0001", '{"open":2}'],
          ["doc-0002", '{"open":0}'],
        ]),
      );
      await Promise.all([
        store.putDocumentFacts("doc-0001", '{"v":1}'),
        store.putDocumentFacts("doc-0002", '{"v":1}'),
        store.putDocumentFacts("doc-0001", '{"v":2}'),
      ]);
      expect(await store.listDocumentFacts()).toEqual(
        new Map([
          ["doc-0001", '{"v":2}'],
          ["doc-0002", '{"v":1}'],
        ]),
      );
      expect(await store.getDocumentFacts("doc-0001")).toBe('{"v":2}');
      expect(await store.getDocumentFacts("doc-0003")).toBeNull();
    });

    it("remembers when each account last looked at a document's comments, never going back in time", async () => {
      const { store } = await open();
      await store.markCommentsSeen("acc-1", "doc-0001", "2023-03-02T10:00:00.000Z");
      await store.markCommentsSeen("acc-1", "doc-0001", "2023-03-01T10:00:00.000Z");
      await store.markCommentsSeen("acc-1", "doc-0002", "2023-03-01T10:00:00.000Z");
      await store.markCommentsSeen("acc-2", "doc-0001", "2023-03-03T10:00:00.000Z");
      expect(await store.listCommentsSeen("acc-1")).toEqual(
        new Map([
          ["doc-0001", "2023-03-02T10:00:00.000Z"],
          ["doc-0002", "2023-03-01T10:00:00.000Z"],
        ]),
      );
      expect(await store.listCommentsSeen("acc-3")).toEqual(new Map());
    });
  });
}
