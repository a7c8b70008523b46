import { municipalRoadmap } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { KartaDocument } from "./document.ts";
import type { TableModel } from "./table.ts";
import { prng } from "./testing/seededRandom.ts";

interface Replica {
  doc: Y.Doc;
  table: TableModel;
  /** Updates this replica produced and has not yet delivered to each peer. */
  outbox: Uint8Array[][];
}

function runRandom(seed: number, steps: number) {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(random() * xs.length)];
  const replicas: Replica[] = [0, 1, 2].map(() => {
    const doc = new Y.Doc();
    return { doc, table: new KartaDocument(doc, municipalRoadmap).table("measures"), outbox: [[], [], []] };
  });
  replicas.forEach((r, i) => {
    r.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === "remote") return;
      for (let peer = 0; peer < 3; peer++) if (peer !== i) r.outbox[peer]?.push(update);
    });
  });
  const inserted = new Set<string>();
  const deleted = new Set<string>();

  // Delivers some pending updates to one peer, in random order: Yjs must hold
  // back updates whose dependencies have not arrived and apply them later.
  const deliverSome = () => {
    const from = pick(replicas) as Replica;
    const to = Math.floor(random() * 3);
    const box = from.outbox[to] as Uint8Array[];
    const count = Math.floor(random() * (box.length + 1));
    for (let k = 0; k < count; k++) {
      const [update] = box.splice(Math.floor(random() * box.length), 1);
      if (update) Y.applyUpdate((replicas[to] as Replica).doc, update, "remote");
    }
  };

  for (let step = 0; step < steps; step++) {
    const r = pick(replicas) as Replica;
    const rows = r.table.rows();
    const action = random();
    const row = pick(rows);
    if (action < 0.3 || !row) {
      const id = r.table.insertRow(Math.floor(random() * (rows.length + 1)), { measure: `s${seed}-${step}` });
      inserted.add(id);
    } else if (action < 0.55) {
      r.table.moveRow(row.id, Math.floor(random() * rows.length));
    } else if (action < 0.65) {
      r.table.deleteRow(row.id);
      deleted.add(row.id);
    } else {
      r.table.setCell(row.id, pick(["measure", "document", "period", "responsible"]) as string, `v${step}`);
    }
    if (random() < 0.4) deliverSome();
  }
  // Final delivery of everything, still in random order.
  for (const [to, target] of replicas.entries()) {
    for (const from of replicas) {
      const box = from.outbox[to] as Uint8Array[];
      while (box.length) {
        const [update] = box.splice(Math.floor(random() * box.length), 1);
        if (update) Y.applyUpdate(target.doc, update, "remote");
      }
    }
  }
  return { replicas, inserted, deleted };
}

describe("three replicas editing at random", () => {
  for (const seed of [1, 2, 3, 7, 42, 1337, 2024, 9001]) {
    it(`converge with no duplicated or lost row (seed ${seed})`, () => {
      const { replicas, inserted, deleted } = runRandom(seed, 300);
      const [first, ...others] = replicas.map((r) => r.table.rows());
      for (const rows of others) expect(rows).toEqual(first);
      const ids = (first ?? []).map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      const expected = [...inserted].filter((id) => !deleted.has(id)).sort();
      expect([...ids].sort()).toEqual(expected);
      expect((first ?? []).map((r) => r.number)).toEqual(ids.map((_, i) => i + 1));
      for (const r of replicas) expect(r.doc.store.pendingStructs).toBeNull();
    });
  }
});
