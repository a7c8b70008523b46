import { antiRiskProgramme, municipalRoadmap, RISK_FACTORS, riskProfile, teacherDeficits } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { KartaDocument } from "./document.ts";
import { DocumentWriteError } from "./errors.ts";
import { firstRowsOf } from "./table.ts";

function roadmap(ydoc = new Y.Doc()) {
  return KartaDocument.create(ydoc, municipalRoadmap).table("measures");
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const texts = (t: ReturnType<typeof roadmap>) => t.rows().map((r) => r.cells.measure);

describe("TableModel", () => {
  it("inserts rows at a position and numbers them by order", () => {
    const t = roadmap();
    t.insertRow(0, { measure: "Б" });
    t.insertRow(0, { measure: "А" });
    t.insertRow(2, { measure: "В" });
    t.insertRow(1, { measure: "А½" });
    expect(texts(t)).toEqual(["А", "А½", "Б", "В"]);
    expect(t.rows().map((r) => r.number)).toEqual([1, 2, 3, 4]);
  });

  it("moves a row to a target index", () => {
    const t = roadmap();
    t.insertRows(0, [{ measure: "1" }, { measure: "2" }, { measure: "3" }, { measure: "4" }]);
    const id = t.rows()[0]?.id as string;
    t.moveRow(id, 2);
    expect(texts(t)).toEqual(["2", "3", "1", "4"]);
    t.moveRow(id, 99);
    expect(texts(t)).toEqual(["2", "3", "4", "1"]);
    t.moveRow(id, 0);
    expect(texts(t)).toEqual(["1", "2", "3", "4"]);
  });

  it("keeps one copy of a row moved by two people at once", () => {
    const a = new Y.Doc();
    const ta = roadmap(a);
    ta.insertRows(0, [{ measure: "1" }, { measure: "2" }, { measure: "3" }]);
    const b = new Y.Doc();
    sync(a, b);
    const tb = new KartaDocument(b, municipalRoadmap).table("measures");
    const id = ta.rows()[0]?.id as string;
    ta.moveRow(id, 2);
    tb.moveRow(id, 1);
    sync(a, b);
    expect(ta.rows().map((r) => r.id)).toEqual(tb.rows().map((r) => r.id));
    expect(ta.rows().filter((r) => r.id === id)).toHaveLength(1);
    expect(ta.rowCount()).toBe(3);
  });

  it("orders rows inserted at the same place by two people the same way everywhere", () => {
    const a = new Y.Doc();
    const ta = roadmap(a);
    ta.insertRows(0, [{ measure: "1" }, { measure: "2" }]);
    const b = new Y.Doc();
    sync(a, b);
    const tb = new KartaDocument(b, municipalRoadmap).table("measures");
    ta.insertRow(1, { measure: "a" });
    tb.insertRow(1, { measure: "b" });
    sync(a, b);
    expect(texts(ta)).toEqual(texts(tb));
    // Inserting between the two tied rows still works and lands between 1 and 2.
    ta.insertRow(2, { measure: "c" });
    expect(texts(ta)[0]).toBe("1");
    expect(texts(ta).at(-1)).toBe("2");
    expect(ta.rowCount()).toBe(5);
  });

  it("validates cells against the column type and refuses the № column", () => {
    const t = KartaDocument.create(new Y.Doc(), antiRiskProgramme).table("measures");
    const id = t.insertRow(0);
    t.setCell(id, "status", "в работе");
    expect(t.rows()[0]?.cells.status).toBe("в работе");
    expect(() => t.setCell(id, "status", "готово")).toThrow(DocumentWriteError);
    expect(() => t.setCell(id, "n", "5")).toThrow(/computed/);
    expect(() => t.setCell(id, "nope", "x")).toThrow(/unknown column/);
    expect(() => t.setCell("missing", "task", "x")).toThrow(/unknown row/);
    expect(t.rows()[0]?.cells.status).toBe("в работе");
  });

  it("clears a cell with null or an empty string", () => {
    const t = roadmap();
    const id = t.insertRow(0, { measure: "x", document: "Приказ" });
    t.setCells([
      { rowId: id, columnId: "measure", value: "" },
      { rowId: id, columnId: "document", value: null },
    ]);
    expect(t.rows()[0]?.cells).toEqual({});
  });

  it("keeps the snapshot of an unchanged row identical across changes", () => {
    const t = roadmap();
    const [first, second] = t.insertRows(0, [{ measure: "1" }, { measure: "2" }]);
    const before = t.rows();
    t.setCell(second as string, "measure", "2!");
    const after = t.rows();
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[0]);
    expect(after[0]?.id).toBe(first);
    expect(after[1]).not.toBe(before[1]);
  });

  it("notifies observers of remote changes", () => {
    const a = new Y.Doc();
    const ta = roadmap(a);
    const b = new Y.Doc();
    const tb = new KartaDocument(b, municipalRoadmap).table("measures");
    const seen: number[] = [];
    tb.observe((rows) => seen.push(rows.length));
    ta.insertRow(0, { measure: "x" });
    sync(a, b);
    expect(seen.at(-1)).toBe(1);
  });

  it("undoes only the local origin's edits", () => {
    const a = new Y.Doc();
    const local = Symbol("local");
    const doc = KartaDocument.create(a, municipalRoadmap, { origin: local });
    const ta = doc.table("measures");
    const undo = new Y.UndoManager(doc.undoScope(), { trackedOrigins: new Set([local]) });
    const id = ta.insertRow(0, { measure: "mine" });
    undo.stopCapturing();
    const b = new Y.Doc();
    sync(a, b);
    const tb = new KartaDocument(b, municipalRoadmap).table("measures");
    tb.setCell(id, "document", "theirs");
    sync(a, b);
    ta.setCell(id, "measure", "mine 2");
    undo.undo();
    expect(ta.rows()[0]?.cells).toEqual({ measure: "mine", document: "theirs" });
  });
});

describe("templates with fixed content", () => {
  it("start a risk profile with the 10 factors and refuse edits of the factor column", () => {
    const doc = KartaDocument.create(new Y.Doc(), riskProfile);
    const factors = doc.table("factors");
    expect(factors.rows().map((r) => r.cells.factor)).toEqual([...RISK_FACTORS]);
    const first = factors.rows()[0]?.id as string;
    factors.setCell(first, "relevant", true);
    expect(factors.rows()[0]?.cells.relevant).toBe(true);
    expect(() => factors.setCell(first, "factor", "Другой")).toThrow(DocumentWriteError);
    expect(() => factors.insertRow(0, { factor: "Свой" })).toThrow(/set by the template/);
  });

  it("refuses to write a computed share", () => {
    const t = KartaDocument.create(new Y.Doc(), teacherDeficits).table("subjects");
    const id = t.insertRow(0, { subject: "химия", teachers: 16, a: 3, b: 4, c: 7, d: 2 });
    expect(() => t.setCell(id, "shareA", 18.8)).toThrow(/computed/);
  });
});

describe("firstRowsOf", () => {
  const measures = roadmap().template;
  it("reads the first rows in display order with their numbers, as the model shows them", () => {
    const ydoc = new Y.Doc();
    const t = roadmap(ydoc);
    t.insertRows(
      0,
      ["В", "Г", "Д"].map((measure) => ({ measure })),
    );
    t.insertRows(0, [{ measure: "А", status: "выполнено" }, { measure: "Б" }]);
    t.moveRow(t.rows()[4]?.id as string, 2);
    const { rows, rowCount } = firstRowsOf(ydoc, measures, 3);
    expect(rowCount).toBe(5);
    expect(rows).toEqual(t.rows().slice(0, 3));
    expect(rows.map((r) => r.cells.measure)).toEqual(["А", "Б", "Д"]);
  });

  it("reads nothing of an empty table, and no more rows than it has", () => {
    const ydoc = new Y.Doc();
    const t = roadmap(ydoc);
    expect(firstRowsOf(ydoc, measures, 10)).toEqual({ rows: [], rowCount: 0 });
    t.insertRows(0, [{ measure: "А" }]);
    expect(firstRowsOf(ydoc, measures, 10).rows.map((r) => r.number)).toEqual([1]);
  });
});
