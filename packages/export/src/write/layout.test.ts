import { describe, expect, it } from "vitest";
import type { ExportTable } from "../model.ts";
import { decimalComma, fittedWidths, isWide, listMarker, printedValue } from "./layout.ts";
import { deficitsTable, roadmapTable } from "./testDocuments.ts";

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe("fittedWidths", () => {
  const table = (titles: string[], widths: number[]): ExportTable => ({
    id: "t",
    title: "Т",
    columns: titles.map((title, i) => ({ id: `c${i}`, title, kind: "text", width: widths[i] ?? 100 })),
    rows: [],
    total: null,
  });

  it("keeps the template's proportions when every word fits", () => {
    expect(fittedWidths(table(["а", "б"], [100, 300]), 400, 1, 0)).toEqual([100, 300]);
  });

  it("widens a column whose longest word would break, taking the room from the others", () => {
    const widths = fittedWidths(table(["периодичность", "б"], [50, 350]), 400, 5, 0, 5);
    expect(widths[0]).toBe(13 * 5);
    expect(sum(widths)).toBeCloseTo(400, 6);
  });

  it("shares the page in proportion to the need when not every word can fit", () => {
    const widths = fittedWidths(table(["ааааааааааа", "ааааааааааа"], [100, 300]), 100, 10, 0, 10);
    expect(widths).toEqual([50, 50]);
  });
});

describe("the layout's words", () => {
  it("prints values the Russian way", () => {
    expect(printedValue(0.552, "share")).toBe("55,2\u00a0%");
    expect(printedValue(2.5, "number")).toBe("2,5");
    expect(printedValue("2022-01-21", "date")).toBe("21.01.2022");
    expect([printedValue(true, "boolean"), printedValue(false, "boolean"), printedValue(null, "text")]).toEqual([
      "да",
      "нет",
      "",
    ]);
    expect(decimalComma(0.1 + 0.2)).toBe("0,3");
    expect([listMarker(false, undefined, 3), listMarker(true, 3, 1)]).toEqual(["–", "4."]);
  });

  it("turns a table landscape when it has more than five columns or the grid's widths are wide", () => {
    expect(isWide(roadmapTable)).toBe(false);
    expect(isWide(deficitsTable)).toBe(true);
    expect(isWide({ ...roadmapTable, columns: roadmapTable.columns.map((c) => ({ ...c, width: 400 })) })).toBe(true);
  });
});
