import { KartaDocument } from "@karta/doc";
import {
  analyticReport,
  antiRiskProgramme,
  firstRowsResponse as firstRowsSchema,
  municipalRoadmap,
  SECTION_PREVIEW_LENGTH,
  teacherDeficits,
} from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { firstRowsResponse } from "./firstRows.ts";

const heading = { title: "Дорожная карта", organisation: "Славянский район", year: 2026 };

describe("firstRowsResponse", () => {
  it("describes the roadmap's first rows as the grid shows them, in order, with the row count", () => {
    const ydoc = new Y.Doc();
    const table = KartaDocument.create(ydoc, municipalRoadmap).table("measures");
    table.insertRows(
      0,
      Array.from({ length: 5 }, (_, i) => ({ measure: `Мероприятие ${i + 1}`, period: "Январь 2026 г." })),
    );
    table.setCell(table.rows()[1]?.id as string, "status", "выполнено");
    const answer = firstRowsResponse(ydoc, municipalRoadmap, heading, 3);

    expect(firstRowsSchema.parse(answer)).toEqual(answer);
    expect(answer).toMatchObject({ title: "Дорожная карта", organisation: "Славянский район", year: 2026 });
    expect(answer.sectionsAbove).toEqual(municipalRoadmap.sections.map((s) => s.title));
    expect(answer.sectionPreviews).toEqual(
      municipalRoadmap.sections.map((s) => ({ id: s.id, text: "", hasContent: false })),
    );
    const first = answer.table;
    expect(first?.rowCount).toBe(5);
    expect(first?.title).toBe(municipalRoadmap.tables[0]?.title);
    expect(first?.columns.map((c) => c.id)).toEqual(municipalRoadmap.tables[0]?.columns.map((c) => c.id));
    const column = (id: string) => first?.columns.findIndex((c) => c.id === id) ?? -1;
    expect(first?.columns[column("status")]?.kind).toBe("enum");
    expect(first?.columns.filter((c) => c.pinned).map((c) => c.id)).toEqual(["n", "measure"]);
    expect(first?.rows.map((r) => r.cells[column("measure")]?.text)).toEqual([
      "Мероприятие 1",
      "Мероприятие 2",
      "Мероприятие 3",
    ]);
    expect(first?.rows[1]?.cells[column("status")]).toEqual({ text: "выполнено", tone: "done" });
    expect(first?.rows[0]?.cells[column("status")]).toEqual({ text: "" });
    expect(first?.rows.map((r) => r.number)).toEqual([1, 2, 3]);
  });

  it("computes shares and formats numbers as the grid does; a one-table document has no table title", () => {
    const ydoc = new Y.Doc();
    const table = KartaDocument.create(ydoc, teacherDeficits).table("subjects");
    table.insertRows(0, [{ subject: "Математика", teachers: 8, a: 2, b: 2, c: 2, d: 2 }]);
    const first = firstRowsResponse(ydoc, teacherDeficits, heading, 40).table;
    const cell = (id: string) => first?.rows[0]?.cells[first.columns.findIndex((c) => c.id === id)];
    expect(first?.title).toBeNull();
    expect(cell("teachers")).toEqual({ text: "8" });
    expect(cell("shareA")).toEqual({ text: "25,0\u00a0%" }); // the no-break space of formatPercent
    expect(first?.columns.find((c) => c.id === "shareA")?.kind).toBe("number");
  });

  it("previews each section above the table as its folded heading does: the text in one line, cut", () => {
    const ydoc = new Y.Doc();
    const document = KartaDocument.create(ydoc, antiRiskProgramme);
    const [first, second] = antiRiskProgramme.sections;
    if (!first || !second) throw new Error("the programme has sections");
    const paragraph = (text: string) => {
      const element = new Y.XmlElement("paragraph");
      element.insert(0, [new Y.XmlText(text)]);
      return element;
    };
    document.section(first.id).insert(0, [paragraph("Цель:"), paragraph("  повысить качество  обучения. ")]);
    document.section(second.id).insert(0, [paragraph("Я".repeat(SECTION_PREVIEW_LENGTH + 50))]);

    const answer = firstRowsResponse(ydoc, antiRiskProgramme, heading, 3);
    expect(firstRowsSchema.parse(answer)).toEqual(answer);
    expect(answer.sectionPreviews[0]).toEqual({
      id: first.id,
      text: "Цель: повысить качество обучения.",
      hasContent: true,
    });
    expect(answer.sectionPreviews[1]).toEqual({
      id: second.id,
      text: "Я".repeat(SECTION_PREVIEW_LENGTH),
      hasContent: true,
    });

    // A document of sections alone has no first screen to draw: its sections are not read for one.
    const report = firstRowsResponse(new Y.Doc(), analyticReport, heading, 3);
    expect(report.table).toBeNull();
    expect(report.sectionsAbove).toEqual(analyticReport.sections.map((s) => s.title));
    expect(report.sectionPreviews).toEqual([]);
  });
});
