import { describe, expect, it } from "vitest";
import {
  severskMunicipality,
  severskSchools,
  severskSchoolsWithStatus,
  severskShnorProse,
  severskShnorTable,
  severskShnorYears,
} from "./shnorByYear.ts";

const names = (year: number) => severskSchoolsWithStatus(year, "shnor").map((school) => school.name);

/** A year's column of the seed table, without its empty cells. */
function column(year: number): string[] {
  const index = severskShnorYears.indexOf(year as (typeof severskShnorYears)[number]) + 1;
  return severskShnorTable
    .slice(1)
    .map((row) => row[index] ?? "")
    .filter((cell) => cell !== "");
}

describe("Список ШНОР по годам, Северский район (seed 003)", () => {
  it("is about the Северский район", () => {
    expect(severskMunicipality.name).toBe("Северский район");
  });

  it("counts 8 ШНОР in 2020 and one in 2024, as the seed's prose says", () => {
    expect(severskShnorProse).toContain("В 2020 году их было 8, в 2024 году одна.");
    expect(severskSchoolsWithStatus(2020, "shnor")).toHaveLength(8);
    expect(severskSchoolsWithStatus(2024, "shnor")).toHaveLength(1);
    expect(names(2024)).toEqual(["МБОУ СОШ № 7"]);
  });

  it("counts 7 in 2022 and 5 in 2023, and none in 2021 (no column in the seed)", () => {
    expect(severskSchoolsWithStatus(2022, "shnor")).toHaveLength(7);
    expect(severskSchoolsWithStatus(2023, "shnor")).toHaveLength(5);
    expect(severskSchools.some((school) => "2021" in school.statuses)).toBe(false);
  });

  it("has each year's ШНОР list exactly as the seed table's column", () => {
    for (const year of severskShnorYears) {
      expect(new Set(names(year))).toEqual(new Set(column(year)));
    }
    expect(column(2020)).toEqual([
      "МБОУ СОШ № 2",
      "МБОУ СОШ № 11",
      "МБОУ ООШ № 8",
      "МБОУ ООШ № 12",
      "МБОУ СОШ № 32",
      "МБОУ СОШ № 36",
      "МБОУ СОШ № 45",
      "МАОУ лицей пгт Афипского",
    ]);
  });

  it("keeps the table's header cells verbatim", () => {
    expect(severskShnorTable[0]).toEqual(["", "2020 год", "2022 год", "2023год", "2024год"]);
    expect(severskShnorTable).toHaveLength(9);
    for (const row of severskShnorTable) expect(row).toHaveLength(5);
  });

  it("marks 'left' exactly in the first listed year a school is out of the list", () => {
    for (const school of severskSchools) {
      severskShnorYears.forEach((year, i) => {
        const previous = i > 0 ? school.statuses[String(severskShnorYears[i - 1])] : undefined;
        const status = school.statuses[String(year)];
        if (status === "shnor") return;
        expect(status, `${school.name} ${year}`).toBe(previous === "shnor" ? "left" : undefined);
      });
    }
    expect(severskSchools.find((s) => s.name === "МБОУ СОШ № 32")?.statuses).toEqual({
      2020: "shnor",
      2022: "shnor",
      2023: "left",
    });
  });

  it("has no «500+» or постпроектное сопровождение: the seed does not mention them", () => {
    for (const school of severskSchools) {
      for (const status of Object.values(school.statuses)) expect(["shnor", "left"]).toContain(status);
    }
  });

  it("has unique names and aliases, with type and form matching the name", () => {
    const spellings = severskSchools.flatMap((school) => [school.name, ...school.aliases]);
    expect(new Set(spellings).size).toBe(spellings.length);
    expect(severskSchools).toHaveLength(16);
    for (const school of severskSchools) {
      expect(school.name.startsWith(`${school.legalForm} ${school.type} `)).toBe(true);
    }
  });
});
