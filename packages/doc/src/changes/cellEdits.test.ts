import { antiRiskProgramme } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { KartaDocument } from "../document.ts";
import { type CellConflict, type CellEdit, cellEditsOf } from "./cellEdits.ts";

/** A server replica that records what each applied update set and which writes it found in conflict. */
function serverReplica(initial: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, initial);
  const seen: { edits: CellEdit[]; conflicts: CellConflict[] }[] = [];
  doc.on("afterTransaction", (tr: Y.Transaction) => {
    const names = new Map([...doc.share].map(([name, type]) => [type, name]));
    seen.push(cellEditsOf(tr, (type) => names.get(type)));
  });
  return { doc, seen };
}

function replicaOf(state: Uint8Array): KartaDocument {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  const doc = KartaDocument.open(ydoc);
  if (!doc) throw new Error("no template stamp");
  return doc;
}

describe("cellEditsOf", () => {
  it("finds the value Yjs dropped when two people set one cell apart, and who wrote each", () => {
    const origin = KartaDocument.create(new Y.Doc(), antiRiskProgramme);
    const rowId = origin.table("measures").insertRow(0, { measure: "Диагностика", period: "Март 2023" });
    const state = Y.encodeStateAsUpdate(origin.ydoc);
    const server = serverReplica(state);
    const online = replicaOf(state);
    const offline = replicaOf(state);

    const before = Y.encodeStateVector(online.ydoc);
    online.table("measures").setCell(rowId, "period", "Апрель 2023");
    Y.applyUpdate(server.doc, Y.encodeStateAsUpdate(online.ydoc, before));
    expect(server.seen.at(-1)?.edits).toEqual([
      { table: "measures", rowId, columnId: "period", value: "Апрель 2023", clientId: online.ydoc.clientID },
    ]);
    expect(server.seen.at(-1)?.conflicts).toEqual([]);

    const offlineBefore = Y.encodeStateVector(offline.ydoc);
    offline.table("measures").setCell(rowId, "period", "Май 2023");
    Y.applyUpdate(server.doc, Y.encodeStateAsUpdate(offline.ydoc, offlineBefore));
    // The history gets what the offline person wrote, even when Yjs did not keep it.
    expect(server.seen.at(-1)?.edits).toEqual([
      { table: "measures", rowId, columnId: "period", value: "Май 2023", clientId: offline.ydoc.clientID },
    ]);
    const [conflict] = server.seen.at(-1)?.conflicts ?? [];
    const values = [conflict?.kept, conflict?.lost].map((v) => [v?.value, v?.clientId]);
    expect(values).toEqual(
      expect.arrayContaining([
        ["Апрель 2023", online.ydoc.clientID],
        ["Май 2023", offline.ydoc.clientID],
      ]),
    );
    expect(conflict).toMatchObject({ table: "measures", rowId, columnId: "period" });
  });

  it("finds no conflict when one writes after seeing the other", () => {
    const origin = KartaDocument.create(new Y.Doc(), antiRiskProgramme);
    const rowId = origin.table("measures").insertRow(0, { measure: "Диагностика" });
    const state = Y.encodeStateAsUpdate(origin.ydoc);
    const server = serverReplica(state);
    const a = replicaOf(state);
    const b = replicaOf(state);
    a.ydoc.on("update", (u: Uint8Array) => {
      Y.applyUpdate(server.doc, u);
      Y.applyUpdate(b.ydoc, u, "from a");
    });
    b.ydoc.on("update", (u: Uint8Array, o: unknown) => o !== "from a" && Y.applyUpdate(server.doc, u));
    a.table("measures").setCell(rowId, "period", "Апрель 2023");
    b.table("measures").setCell(rowId, "period", "Май 2023");
    expect(server.seen.flatMap((s) => s.conflicts)).toEqual([]);
    expect(server.seen.flatMap((s) => s.edits).map((e) => e.value)).toEqual(["Апрель 2023", "Май 2023"]);
  });
});
