import type pg from "pg";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { describeDocumentStoreContract, documentRecord } from "../contract/documentStoreContract.ts";
import type { DocumentStore } from "../DocumentStore.ts";
import { PostgresDocumentStore } from "./PostgresDocumentStore.ts";
import { migratePostgres, POSTGRES_SCHEMA_VERSION } from "./postgresMigrations.ts";
import { createTestSchema, describePostgres, openTestPool } from "./testPostgres.ts";

describePostgres("PostgresDocumentStore", () => {
  /** The DocumentStore contract, each case in a schema of its own. */
  describeDocumentStoreContract("PostgresDocumentStore", async () => {
    const { schema, drop } = await createTestSchema();
    const stores: DocumentStore[] = [new PostgresDocumentStore(await openTestPool(schema))];
    return {
      store: stores[0] as DocumentStore,
      async reopen() {
        const store = new PostgresDocumentStore(await openTestPool(schema));
        stores.push(store);
        return store;
      },
      async dispose() {
        for (const s of stores) await s.close();
        await drop();
      },
    };
  });

  /** Two server instances: two stores, each with its own pool, on one schema. */
  let schema: { schema: string; drop(): Promise<void> };
  let one: PostgresDocumentStore;
  let two: PostgresDocumentStore;
  let n = 0;
  beforeAll(async () => {
    schema = await createTestSchema();
    [one, two] = await Promise.all([
      openTestPool(schema.schema).then((p) => new PostgresDocumentStore(p)),
      openTestPool(schema.schema).then((p) => new PostgresDocumentStore(p)),
    ]);
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await schema?.drop();
  });
  let docId: string;
  afterEach(() => {
    n++;
  });
  const newDocument = async () => {
    docId = `doc-shared-${n}`;
    await one.createDocument(documentRecord(docId), new Uint8Array([0]));
    return docId;
  };
  /** An update whose bytes say who wrote it and which it was: [instance, i >> 8, i & 255]. */
  const update = (instance: number, i: number) => new Uint8Array([instance, i >> 8, i & 255]);
  const key = (u: Uint8Array) => [...u].join(",");

  it("numbers the appends of two instances to one room consecutively, and keeps them all", async () => {
    const id = await newDocument();
    const writes: Promise<number>[] = [];
    for (let i = 0; i < 150; i++) {
      writes.push(one.appendUpdate(id, update(1, i)));
      writes.push(two.appendUpdate(id, update(2, i)));
      // Let each instance's group commit run between some of them, so batches interleave.
      if (i % 10 === 0) await new Promise((r) => setImmediate(r));
    }
    const seqs = await Promise.all(writes);
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    // Each instance's own appends are numbered in the order it made them.
    for (const instance of [0, 1]) {
      const own = seqs.filter((_, i) => i % 2 === instance);
      expect(own).toEqual([...own].sort((a, b) => a - b));
    }
    const state = await two.loadState(id);
    expect(state.lastSeq).toBe(300);
    expect(state.updates).toHaveLength(300);
    const bySeq = new Map(seqs.map((seq, i) => [seq, key(update((i % 2) + 1, Math.floor(i / 2)))]));
    expect(state.updates.map(key)).toEqual(Array.from({ length: 300 }, (_, i) => bySeq.get(i + 1)));
  });

  it("loses nothing when one instance compacts while the other appends", async () => {
    const id = await newDocument();
    for (let i = 0; i < 20; i++) await one.appendUpdate(id, update(1, i));
    const appended: Promise<number>[] = [];
    let compactions = 0;
    // Instance two appends without pause while instance one compacts what it read, again and again.
    const writing = (async () => {
      for (let i = 0; i < 200; i++) {
        appended.push(two.appendUpdate(id, update(2, i)));
        if (i % 5 === 0) await new Promise((r) => setImmediate(r));
      }
    })();
    const covered = new Set<string>();
    while (compactions < 10) {
      const state = await one.loadState(id);
      // The "merged" snapshot: here simply the list of every update it covers.
      for (const u of state.updates) covered.add(key(u));
      await one.compact(id, [new Uint8Array([0xcc, compactions])], state.lastSeq);
      compactions++;
    }
    await writing;
    const seqs = await Promise.all(appended);
    const final = await one.loadState(id);
    const finalSnapshot = final.snapshot[0] as Uint8Array;
    expect(finalSnapshot[0]).toBe(0xcc);
    // Every update is either covered by a compaction that happened, or still in the log after it.
    const inLog = new Set(final.updates.map(key));
    const all = [
      ...Array.from({ length: 20 }, (_, i) => key(update(1, i))),
      ...Array.from({ length: 200 }, (_, i) => key(update(2, i))),
    ];
    expect(all.filter((u) => !covered.has(u) && !inLog.has(u))).toEqual([]);
    expect(final.lastSeq).toBe(Math.max(...seqs));
    // What the last compaction covered is gone from the log, and nothing it did not cover is.
    expect(final.updates.every((u) => !covered.has(key(u)))).toBe(true);
  });

  it("does not replace a snapshot by an older one: a compaction behind a newer one changes nothing", async () => {
    const id = await newDocument();
    const s1 = await one.appendUpdate(id, update(1, 1));
    const s2 = await two.appendUpdate(id, update(2, 2));
    const s3 = await one.appendUpdate(id, update(1, 3));
    await two.compact(id, [new Uint8Array([0xbb]), new Uint8Array([0xbc])], s2);
    await one.compact(id, [new Uint8Array([0xaa])], s1); // late: instance two already went past s1
    expect(await one.loadState(id)).toEqual({
      snapshot: [new Uint8Array([0xbb]), new Uint8Array([0xbc])],
      updates: [update(1, 3)],
      lastSeq: s3,
    });
  });

  it("numbers a room on from its counter after every update was compacted away", async () => {
    const id = await newDocument();
    const s1 = await one.appendUpdate(id, update(1, 1));
    await one.compact(id, [new Uint8Array([1])], s1);
    expect(await two.appendUpdate(id, update(2, 2))).toBe(s1 + 1);
  });

  it("migrates once when two instances start together, and again changes nothing", async () => {
    const fresh = await createTestSchema();
    try {
      const pools: pg.Pool[] = await Promise.all([
        openTestPool(fresh.schema, 1),
        openTestPool(fresh.schema, 1),
        openTestPool(fresh.schema, 1),
      ]);
      await migratePostgres(pools[0] as pg.Pool);
      const { rows } = await (pools[0] as pg.Pool).query("SELECT version FROM schema_version");
      expect(rows).toEqual([{ version: POSTGRES_SCHEMA_VERSION }]);
      for (const p of pools) await p.end();
    } finally {
      await fresh.drop();
    }
  });
});
