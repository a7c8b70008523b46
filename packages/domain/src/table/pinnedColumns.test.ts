import { antiRiskProgramme, municipalRoadmap, type TableTemplate } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { pinnedColumnIds } from "./pinnedColumns.ts";

const table = (...kinds: ("rowNumber" | "text" | "longText" | "date" | "number")[]): TableTemplate => ({
  id: "t",
  title: "Таблица",
  columns: kinds.map((kind, i) =>
    kind === "number"
      ? { id: `c${i}`, title: `Колонка ${i}`, type: { kind, integer: true, min: 0, max: 10 } }
      : { id: `c${i}`, title: `Колонка ${i}`, type: { kind } },
  ),
});

describe("pinnedColumnIds", () => {
  it("pins № and the main text column right after it", () => {
    expect([...pinnedColumnIds(table("rowNumber", "longText", "text"))]).toEqual(["c0", "c1"]);
    expect([...pinnedColumnIds(table("longText", "text"))]).toEqual(["c0"]);
  });

  it("pins only a leading run: a date or a number after № is not pinned, nor any text after it", () => {
    expect([...pinnedColumnIds(table("rowNumber", "date", "longText"))]).toEqual(["c0"]);
    expect([...pinnedColumnIds(table("number", "text"))]).toEqual([]);
  });

  it("pins the templates' № and main columns", () => {
    expect([...pinnedColumnIds(municipalRoadmap.tables[0] as TableTemplate)]).toEqual(["n", "measure"]);
    expect(pinnedColumnIds(antiRiskProgramme.tables[0] as TableTemplate).size).toBe(2);
  });
});
