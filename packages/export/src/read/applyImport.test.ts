import { KartaDocument } from "@karta/doc";
import { MAX_SYNC_MESSAGE_BYTES, municipalRoadmap } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyImport, importUpdateBytes, MAX_IMPORT_BYTES } from "./applyImport.ts";

const PAGE = { page: "this tab" };

function roadmapWith(measures: string[]) {
  const ydoc = new Y.Doc();
  const table = KartaDocument.create(ydoc, municipalRoadmap).table("measures");
  table.insertRows(
    0,
    measures.map((measure) => ({ measure })),
  );
  const undo = new Y.UndoManager(table.root, { trackedOrigins: new Set([PAGE]) });
  return { ydoc, table, undo };
}

const measures = (t: ReturnType<typeof roadmapWith>["table"]) => t.rows().map((r) => r.cells.measure);

describe("applyImport", () => {
  it("appends the rows in one transaction that one undo takes back", () => {
    const { ydoc, table, undo } = roadmapWith(["было"]);
    let transactions = 0;
    ydoc.on("afterTransaction", () => {
      transactions += 1;
    });
    applyImport(table, [{ measure: "один" }, { measure: "два", period: "Январь 2022 г." }], "append", PAGE);
    expect(transactions).toBe(1);
    expect(measures(table)).toEqual(["было", "один", "два"]);
    expect(table.rows()[2]?.cells.period).toBe("Январь 2022 г.");
    undo.undo();
    expect(measures(table)).toEqual(["было"]);
  });

  it("replaces every row when asked, and one undo brings them back", () => {
    const { table, undo } = roadmapWith(["старое 1", "старое 2"]);
    applyImport(table, [{ measure: "новое" }], "replace", PAGE);
    expect(measures(table)).toEqual(["новое"]);
    undo.undo();
    expect(measures(table)).toEqual(["старое 1", "старое 2"]);
  });
});

describe("importUpdateBytes", () => {
  it("measures the update that would carry the rows, against the server's message limit", () => {
    const template = municipalRoadmap.tables[0];
    if (!template) throw new Error("no table");
    const small = importUpdateBytes(template, [{ measure: "Семинар" }]);
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThan(200);
    const text = "Мероприятие по методическому сопровождению ".repeat(12);
    const big = Array.from({ length: 12_000 }, (_, i) => ({ measure: `${i}. ${text}` }));
    expect(importUpdateBytes(template, big)).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(MAX_IMPORT_BYTES).toBeLessThan(MAX_SYNC_MESSAGE_BYTES);
    // Building 12,000 rows takes some 2 s alone, three times that beside other test runs.
  }, 30_000);
});
