import type { StatusesByYearResponse } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { buildStatusTable } from "./statusTable.ts";

const zero = { shnor: 0, project500: 0, postProject: 0, left: 0 };

/** Part of seed 003's Северский район: three schools over 2020–2024, as the server answers. */
const answer: StatusesByYearResponse = {
  years: [2020, 2022, 2023, 2024, 2025],
  rows: [
    {
      schoolId: "s2",
      name: "МБОУ СОШ № 2",
      byYear: { 2020: "shnor", 2022: "left", 2023: null, 2024: null, 2025: null },
    },
    {
      schoolId: "s7",
      name: "МБОУ СОШ № 7",
      byYear: { 2020: null, 2022: "shnor", 2023: "shnor", 2024: "shnor", 2025: "postProject" },
    },
    {
      schoolId: "s60",
      name: "МБОУ СОШ № 60",
      byYear: { 2020: null, 2022: null, 2023: null, 2024: null, 2025: "shnor" },
    },
  ],
  counts: {
    2020: { ...zero, shnor: 1 },
    2022: { ...zero, shnor: 1, left: 1 },
    2023: { ...zero, shnor: 1 },
    2024: { ...zero, shnor: 1 },
    2025: { ...zero, shnor: 1, postProject: 1 },
  },
};

describe("buildStatusTable", () => {
  it("shows the years up to the document's own, and the schools with a status in them", () => {
    const table = buildStatusTable(answer, 2024);
    expect(table.years).toEqual([2020, 2022, 2023, 2024]);
    expect(table.rows).toEqual([
      { schoolId: "s2", name: "МБОУ СОШ № 2", statuses: ["shnor", "left", null, null] },
      { schoolId: "s7", name: "МБОУ СОШ № 7", statuses: [null, "shnor", "shnor", "shnor"] },
    ]);
  });

  it("counts the ШНОР of each year for the «Всего ШНОР» row, not the schools that left", () => {
    expect(buildStatusTable(answer, 2024).shnorTotals).toEqual([1, 1, 1, 1]);
    expect(buildStatusTable(answer, 2025).shnorTotals).toEqual([1, 1, 1, 1, 1]);
  });

  it("is empty before the first year of the registry", () => {
    expect(buildStatusTable(answer, 2019)).toEqual({ years: [], rows: [], shnorTotals: [] });
  });

  it("reads a year missing from a row as no status", () => {
    const sparse: StatusesByYearResponse = {
      years: [2021, 2022],
      rows: [{ schoolId: "x", name: "МОБУ СОШ № 13", byYear: { 2021: "shnor" } }],
      counts: {},
    };
    expect(buildStatusTable(sparse, 2022)).toEqual({
      years: [2021, 2022],
      rows: [{ schoolId: "x", name: "МОБУ СОШ № 13", statuses: ["shnor", null] }],
      shnorTotals: [1, 0],
    });
  });
});
