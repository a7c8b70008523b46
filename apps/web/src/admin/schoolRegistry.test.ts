import type { Organisation } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { countWithStatus, registryOf, registryYears, withOrganisation } from "./schoolRegistry.ts";

const school = (
  id: string,
  name: string,
  statuses: Organisation["statuses"] = {},
  parentId = "rayon",
): Organisation => ({
  id,
  parentId,
  kind: "school",
  name,
  schoolType: "СОШ",
  statuses,
});
const rayon: Organisation = {
  id: "rayon",
  parentId: "krai",
  kind: "municipality",
  name: "Славянский район",
  schoolType: null,
  statuses: {},
};

describe("the school registry", () => {
  it("has a column for every year from 2020 to this one", () => {
    expect(registryYears(new Date("2026-03-01"))).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it("lists each managed municipality's schools in number order", () => {
    const list = [rayon, school("b", "МБОУ СОШ № 10"), school("a", "МБОУ СОШ № 5"), school("x", "Чужая", {}, "other")];
    const [only, ...rest] = registryOf(list, new Set(["rayon", "a", "b"]));
    expect(rest).toEqual([]);
    expect(only?.schools.map((s) => s.name)).toEqual(["МБОУ СОШ № 5", "МБОУ СОШ № 10"]);
  });

  it("counts schools by status and year", () => {
    const schools = [
      school("a", "1", { 2020: "shnor", 2024: "shnor" }),
      school("b", "2", { 2020: "shnor", 2024: "postProject" }),
    ];
    expect(countWithStatus(schools, 2020, "shnor")).toBe(2);
    expect(countWithStatus(schools, 2024, "shnor")).toBe(1);
    expect(countWithStatus(schools, 2021, "shnor")).toBe(0);
  });

  it("replaces or adds an organisation", () => {
    const a = school("a", "1");
    expect(withOrganisation([a], { ...a, name: "2" }).map((o) => o.name)).toEqual(["2"]);
    expect(withOrganisation([a], school("b", "3"))).toHaveLength(2);
  });
});
