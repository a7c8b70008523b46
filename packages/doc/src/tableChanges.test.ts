import { municipalRoadmap } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { KartaDocument } from "./document.ts";
import type { RowSnapshot } from "./rowSnapshot.ts";
import type { RowsChange, TableModel } from "./table.ts";
import { prng } from "./testing/seededRandom.ts";

function roadmap(ydoc = new Y.Doc()): TableModel {
  return KartaDocument.create(ydoc, municipalRoadmap).table("measures");
}

/** A second model of the same document, reading every row from scratch. */
function freshRows(table: TableModel): readonly RowSnapshot[] {
  return new KartaDocument(table.ydoc, municipalRoadmap).table("measures").rows();
}

/** Records every change the table reports, with the rows before and after it. */
function recordChanges(table: TableModel) {
  const seen: { before: readonly RowSnapshot[]; after: readonly RowSnapshot[]; change: RowsChange }[] = [];
  let before = table.rows();
  table.observe((rows, _transaction, change) => {
    seen.push({ before, after: rows, change });
    before = rows;
  });
  return seen;
}

describe("TableModel changes", () => {
  it("tells listeners which row an edit changed and that the order did not", () => {
    const t = roadmap();
    const [, second] = t.insertRows(0, [{ measure: "1" }, { measure: "2" }, { measure: "3" }]);
    const seen = recordChanges(t);
    t.setCell(second as string, "measure", "2!");
    expect(seen).toHaveLength(1);
    const { before, after, change } = seen[0] as (typeof seen)[number];
    expect([...change.changed]).toEqual([second]);
    expect(change.removed.size).toBe(0);
    expect(change.orderChanged).toBe(false);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]?.cells.measure).toBe("2!");
  });

  it("keeps the same array when a write changes nothing a row shows", () => {
    const t = roadmap();
    const [id] = t.insertRows(0, [{ measure: "1" }]);
    const seen = recordChanges(t);
    // A value no column holds is not part of any snapshot.
    t.ydoc.transact(() => (t.root.get(id as string) as Y.Map<unknown>).set("not-a-column", 1));
    expect(seen[0]?.after).toBe(seen[0]?.before);
    expect(seen[0]?.change.changed.size).toBe(0);
  });

  it("renumbers the rows below an inserted row and keeps those above", () => {
    const t = roadmap();
    const [a, b, c] = t.insertRows(0, [{ measure: "a" }, { measure: "b" }, { measure: "c" }]);
    const seen = recordChanges(t);
    const added = t.insertRow(1, { measure: "new" });
    const { before, after, change } = seen[0] as (typeof seen)[number];
    expect(change.orderChanged).toBe(true);
    expect(new Set(change.changed)).toEqual(new Set([added, b, c]));
    expect(after[0]).toBe(before[0]);
    expect(after.map((r) => [r.id, r.number])).toEqual([
      [a, 1],
      [added, 2],
      [b, 3],
      [c, 4],
    ]);
  });

  it("reports a deleted row as removed and a moved row as an order change", () => {
    const t = roadmap();
    const [a, b, c] = t.insertRows(0, [{ measure: "a" }, { measure: "b" }, { measure: "c" }]);
    const seen = recordChanges(t);
    t.deleteRow(a as string);
    expect([...(seen[0]?.change.removed ?? [])]).toEqual([a]);
    expect(seen[0]?.change.orderChanged).toBe(true);
    t.moveRow(c as string, 0);
    expect(seen[1]?.change.orderChanged).toBe(true);
    expect(t.rows().map((r) => r.id)).toEqual([c, b]);
  });

  it("says the order did not change when a new order key leaves a row in its place", () => {
    const t = roadmap();
    const [a, b] = t.insertRows(0, [{ measure: "a" }, { measure: "b" }]);
    const seen = recordChanges(t);
    t.moveRow(a as string, 0);
    expect(seen[0]?.change.orderChanged).toBe(false);
    expect(t.rows().map((r) => r.id)).toEqual([a, b]);
  });

  it("reports every row on the first read by a listener", () => {
    const doc = new Y.Doc();
    const t = roadmap(doc);
    const [a] = t.insertRows(0, [{ measure: "a" }]);
    const late = new KartaDocument(doc, municipalRoadmap).table("measures");
    const changes: RowsChange[] = [];
    late.observe((_rows, _transaction, change) => changes.push(change));
    t.setCell(a as string, "measure", "a!");
    expect(changes[0]?.orderChanged).toBe(true);
    expect([...(changes[0]?.changed ?? [])]).toEqual([a]);
  });

  it("finds a row's snapshot by id, as rows() has it", () => {
    const t = roadmap();
    const [a, b] = t.insertRows(0, [{ measure: "a" }, { measure: "b" }]);
    expect(t.row(b as string)).toBe(t.rows()[1]);
    t.deleteRow(a as string);
    expect(t.row(a as string)).toBeUndefined();
    expect(t.row(b as string)?.number).toBe(1);
  });

  for (const seed of [1, 2, 3]) {
    it(`matches a fresh read after random edits, inserts, moves and deletes from two replicas (seed ${seed})`, () => {
      const random = prng(seed);
      const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(random() * xs.length)];
      const local = roadmap();
      const remote = new KartaDocument(new Y.Doc(), municipalRoadmap).table("measures");
      Y.applyUpdate(remote.ydoc, Y.encodeStateAsUpdate(local.ydoc));
      local.insertRows(
        0,
        Array.from({ length: 30 }, (_, i) => ({ measure: `m${i}` })),
      );
      const seen = recordChanges(local);
      for (let step = 0; step < 150; step++) {
        // The other replica writes on its copy; its update reaches this one now and then, batched.
        const writer = random() < 0.5 ? local : remote;
        const ids = writer.rows().map((r) => r.id);
        const op = random();
        if (op < 0.5 && ids.length > 0) {
          writer.setCells([
            { rowId: pick(ids) as string, columnId: "measure", value: `v${step}` },
            { rowId: pick(ids) as string, columnId: "document", value: random() < 0.3 ? null : `d${step}` },
          ]);
        } else if (op < 0.7) writer.insertRow(Math.floor(random() * (ids.length + 1)), { measure: `n${step}` });
        else if (op < 0.85 && ids.length > 0) writer.moveRow(pick(ids) as string, Math.floor(random() * ids.length));
        else if (ids.length > 1) writer.deleteRow(pick(ids) as string);
        if (random() < 0.3) {
          Y.applyUpdate(local.ydoc, Y.encodeStateAsUpdate(remote.ydoc, Y.encodeStateVector(local.ydoc)));
          Y.applyUpdate(remote.ydoc, Y.encodeStateAsUpdate(local.ydoc, Y.encodeStateVector(remote.ydoc)));
        }
        expect(local.rows()).toEqual(freshRows(local));
      }
      expect(seen.length).toBeGreaterThan(0);
      for (const { before, after, change } of seen) {
        const old = new Map(before.map((r) => [r.id, r]));
        const now = new Set(after.map((r) => r.id));
        // Exactly the rows with a new snapshot are reported changed; the others are the same objects.
        for (const row of after) expect(change.changed.has(row.id)).toBe(old.get(row.id) !== row);
        expect(new Set(change.removed)).toEqual(new Set([...old.keys()].filter((id) => !now.has(id))));
        const sameOrder = before.length === after.length && before.every((r, i) => after[i]?.id === r.id);
        expect(change.orderChanged).toBe(!sameOrder);
      }
    });
  }
});
