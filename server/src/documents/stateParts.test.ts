import { KartaDocument } from "@karta/doc";
import { municipalRoadmap } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { encodeStateInParts } from "./stateParts.ts";

/** A roadmap written by two people who edit each other's rows, delete some and write rich text. */
function twoAuthors(rows: number): Y.Doc {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.clientID = 1; // the lower id: Yjs lists it last, after the rows of b that depend on it
  b.clientID = 2;
  const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
  const tableA = KartaDocument.create(a, municipalRoadmap).table("measures");
  for (let i = 0; i < rows; i += 10) {
    tableA.insertRows(
      i,
      Array.from({ length: 10 }, (_, k) => ({ measure: `Мероприятие ${i + k}` })),
    );
    sync(a, b);
    const tableB = new KartaDocument(b, municipalRoadmap).table("measures");
    const ids = tableB.rows().map((r) => r.id);
    tableB.setCell(ids[i] as string, "period", `Март ${i}`);
    if (i % 30 === 0) tableB.deleteRow(ids[i + 1] as string);
    sync(b, a);
  }
  a.getXmlFragment("section:goals").insert(0, [new Y.XmlText("Цели программы")]);
  return a;
}

function rebuild(parts: readonly Uint8Array[]): { doc: Y.Doc; pendingAfterSomePart: boolean } {
  const doc = new Y.Doc();
  let pendingAfterSomePart = false;
  for (const part of parts) {
    Y.applyUpdate(doc, part);
    pendingAfterSomePart ||= doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  }
  return { doc, pendingAfterSomePart };
}

describe("encodeStateInParts", () => {
  it("keeps a small document in one part, Yjs' own encoding of its state", () => {
    const doc = twoAuthors(20);
    expect(encodeStateInParts(doc)).toEqual([Y.encodeStateAsUpdate(doc)]);
  });

  it("splits a big one into parts that each integrate at once and rebuild it exactly", () => {
    const doc = twoAuthors(300);
    const parts = encodeStateInParts(doc, 100);
    expect(parts.length).toBeGreaterThan(5);
    const { doc: rebuilt, pendingAfterSomePart } = rebuild(parts);
    expect(pendingAfterSomePart).toBe(false);
    expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(doc));
    expect(Y.encodeStateAsUpdate(rebuilt)).toEqual(Y.encodeStateAsUpdate(doc));
    const rows = (d: Y.Doc) => new KartaDocument(d, municipalRoadmap).table("measures").rows();
    expect(rows(rebuilt)).toEqual(rows(doc));
    expect(rows(rebuilt).length).toBeLessThan(300); // rows were deleted: the deletions came along
    expect(rebuilt.getXmlFragment("section:goals").toString()).toBe(doc.getXmlFragment("section:goals").toString());
  });
});
