import { antiRiskProgramme, municipalRoadmap, RISK_FACTORS, riskProfile } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { copyContent } from "./copyContent.ts";
import { KartaDocument } from "./document.ts";
import { sectionRootName, tableRootName } from "./roots.ts";

function writeParagraphs(fragment: Y.XmlFragment, texts: readonly string[]) {
  fragment.insert(
    fragment.length,
    texts.map((text) => {
      const paragraph = new Y.XmlElement("paragraph");
      const run = new Y.XmlText(text);
      paragraph.insert(0, [run]);
      return paragraph;
    }),
  );
}

const cellsOf = (doc: KartaDocument, tableId: string) =>
  doc
    .table(tableId)
    .rows()
    .map((r) => r.cells);

describe("copyContent", () => {
  it("copies rows with fresh ids and spread order keys, and sections equal as XML", () => {
    const last = KartaDocument.create(new Y.Doc(), municipalRoadmap);
    const measures = last.table("measures");
    // One at a time at the end, as people type: keys of the source grow with every row.
    for (let i = 0; i < 25; i++) measures.insertRow(i, { measure: `Мероприятие ${i + 1}`, period: "Ежемесячно" });
    measures.moveRow(measures.rows()[24]?.id as string, 0);
    const preamble = last.section("preamble");
    writeParagraphs(preamble, ["1. Цели.", "2. Задачи."]);
    (preamble.get(0) as Y.XmlElement).setAttribute("textAlign", "center");

    const next = KartaDocument.create(new Y.Doc(), municipalRoadmap);
    const copied = copyContent(next, last.ydoc);

    expect(copied).toEqual({ rows: 25, sections: 1 });
    expect(cellsOf(next, "measures")).toEqual(cellsOf(last, "measures"));
    const oldIds = new Set(measures.rows().map((r) => r.id));
    for (const row of next.table("measures").rows()) expect(oldIds.has(row.id)).toBe(false);
    const keys = next
      .table("measures")
      .rows()
      .map((r) => r.order);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(3);
    expect(next.section("preamble").toString()).toBe(preamble.toString());
    expect(next.section("preamble").toString()).toContain("textAlign");
  });

  it("never writes computed columns nor the omitted ones", () => {
    const last = KartaDocument.create(new Y.Doc(), antiRiskProgramme);
    const id = last.table("measures").insertRow(0, {
      measure: "Семинар",
      period: "Март",
      status: "выполнено",
      doneNote: "Проведён 12 марта",
    });
    // A computed value stored by a writer that bypassed the model.
    (last.ydoc.getMap(tableRootName("measures")).get(id) as Y.Map<unknown>).set("n", 7);

    const next = KartaDocument.create(new Y.Doc(), antiRiskProgramme);
    copyContent(next, last.ydoc, { omitColumns: { measures: ["status", "doneNote"] } });

    const [row] = [...next.ydoc.getMap<Y.Map<unknown>>(tableRootName("measures")).values()];
    expect(row?.toJSON()).toEqual({ order: expect.any(String), measure: "Семинар", period: "Март" });
  });

  it("fills the rows the template put in, matched on their locked cells, instead of duplicating them", () => {
    const last = KartaDocument.create(new Y.Doc(), riskProfile);
    const factors = last.table("factors");
    const second = factors.rows()[1]?.id as string;
    factors.setCells([
      { rowId: second, columnId: "relevant", value: true },
      { rowId: second, columnId: "measures", value: "Курсы" },
    ]);

    const next = KartaDocument.create(new Y.Doc(), riskProfile);
    const freshIds = next
      .table("factors")
      .rows()
      .map((r) => r.id);
    expect(copyContent(next, last.ydoc)).toEqual({ rows: RISK_FACTORS.length, sections: 0 });

    expect(
      next
        .table("factors")
        .rows()
        .map((r) => r.id),
    ).toEqual(freshIds);
    expect(cellsOf(next, "factors")).toEqual(cellsOf(last, "factors"));
  });

  it("copies nothing from an empty source and leaves the target's sections alone", () => {
    const next = KartaDocument.create(new Y.Doc(), municipalRoadmap);
    writeParagraphs(next.section("preamble"), ["Своя преамбула"]);
    expect(copyContent(next, new Y.Doc())).toEqual({ rows: 0, sections: 0 });
    expect(next.ydoc.getXmlFragment(sectionRootName("preamble")).toString()).toContain("Своя преамбула");
    expect(next.table("measures").rowCount()).toBe(0);
  });
});
