import { describe, expect, it } from "vitest";
import { type RegistrySchool, shnorCount, shnorShare, statusesByYear } from "./statusesByYear.ts";

const school = (n: number, statuses: RegistrySchool["statuses"] = {}): RegistrySchool => ({
  id: `s${n}`,
  name: `МБОУ СОШ № ${n}`,
  statuses,
});

describe("statusesByYear", () => {
  const schools = [
    school(10, { "2020": "shnor", "2021": "postProject" }),
    school(2, { "2020": "shnor", "2021": "shnor", "2022": "left" }),
    school(3),
  ];

  it("lists the years and the schools with a status, in natural order of names", () => {
    const view = statusesByYear(schools);
    expect(view.years).toEqual([2020, 2021, 2022]);
    expect(view.rows.map((r) => r.name)).toEqual(["МБОУ СОШ № 2", "МБОУ СОШ № 10"]);
    expect(view.rows[1]?.byYear).toEqual({ 2020: "shnor", 2021: "postProject", 2022: null });
    expect(view.counts[2021]).toEqual({ shnor: 1, project500: 0, postProject: 1, left: 0 });
  });

  it("counts the ШНОР of a year and their share of all the territory's schools", () => {
    expect(shnorCount(schools, 2020)).toBe(2);
    expect(shnorShare(schools, 2020)).toBe(66.7);
    expect(shnorShare([], 2020)).toBeNull();
  });
});
