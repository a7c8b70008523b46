import { describe, expect, it } from "vitest";
import { labinskProject500, labinskTeacherDeficitRows, labinskTerritory } from "./teacherDeficits.ts";

const levels = ["a", "b", "c", "d"] as const;
const total = (key: "teachers" | (typeof levels)[number]) =>
  labinskTeacherDeficitRows.reduce((sum, row) => sum + row[key], 0);
const percent = (part: number, whole: number) => (Math.round((part / whole) * 1000) / 10).toFixed(1).replace(".", ",");

describe("Мониторинг предметных дефицитов, Лабинский район (seed 004)", () => {
  it("has the ten subjects", () => {
    expect(labinskTeacherDeficitRows.map((row) => row.subject)).toEqual([
      "русский язык",
      "математика",
      "иностранный язык",
      "информатика",
      "физика",
      "химия",
      "биология",
      "история",
      "обществознание",
      "география",
    ]);
  });

  it("has химия as 16 teachers with 3, 4, 7, 2", () => {
    expect(labinskTeacherDeficitRows.find((row) => row.subject === "химия")).toEqual({
      subject: "химия",
      teachers: 16,
      a: 3,
      b: 4,
      c: 7,
      d: 2,
    });
  });

  it("keeps the counts of математика and биология, whose typed shares are wrong", () => {
    expect(labinskTeacherDeficitRows[1]).toEqual({ subject: "математика", teachers: 32, a: 6, b: 14, c: 11, d: 1 });
    expect(labinskTeacherDeficitRows[6]).toEqual({ subject: "биология", teachers: 18, a: 4, b: 6, c: 7, d: 1 });
  });

  it("has A+B+C+D equal to the number of teachers in every row (no known inconsistency)", () => {
    for (const row of labinskTeacherDeficitRows) {
      expect(row.a + row.b + row.c + row.d, row.subject).toBe(row.teachers);
    }
  });

  it("sums to the seed's total row «Всего: 232 65 79 84 4»", () => {
    expect([total("teachers"), ...levels.map(total)]).toEqual([232, 65, 79, 84, 4]);
  });

  it("gives the shares the seed should have typed for химия: 18,8 / 25,0 / 43,8 / 12,5 %", () => {
    const chemistry = labinskTeacherDeficitRows[5];
    if (!chemistry) throw new Error("no химия row");
    expect(levels.map((level) => percent(chemistry[level], chemistry.teachers))).toEqual([
      "18,8",
      "25,0",
      "43,8",
      "12,5",
    ]);
  });

  it("gives 144 of 232 teachers with deficits A+B (62,1 %), as the seed's «65+79=144»", () => {
    expect(total("a") + total("b")).toBe(144);
    expect(percent(total("a") + total("b"), total("teachers"))).toBe("62,1");
  });

  it("has 16 ШНОР of 29 schools, «Доля ШНОР в территории» 55,2 %", () => {
    expect(labinskTerritory.schoolCount).toBe(29);
    expect(labinskTerritory.shnorSchools).toHaveLength(16);
    expect(new Set(labinskTerritory.shnorSchools).size).toBe(16);
    expect(labinskTerritory.shnorSchools.join(", ")).toBe(
      "№ 5, № 6, № 9, № 13, № 15, № 16, № 20, № 21, № 22, № 25, № 26, № 27, № 28, № 30, № 31, № 32",
    );
    expect(percent(labinskTerritory.shnorSchools.length, labinskTerritory.schoolCount)).toBe("55,2");
    expect(labinskTerritory.regionalShnorSharePercent).toBe(32.5);
  });

  it("has the «500+» schools as typed, all of them in the ШНОР list", () => {
    expect(labinskProject500).toEqual({ 2020: ["СОШ № 6"], 2021: ["№ 22", "№13"] });
    const number = (name: string) => name.replace(/^\D*№\s*/, "");
    const shnorNumbers = labinskTerritory.shnorSchools.map(number);
    for (const name of Object.values(labinskProject500).flat()) expect(shnorNumbers).toContain(number(name));
  });
});
