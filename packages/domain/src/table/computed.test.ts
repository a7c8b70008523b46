import { riskProfile, teacherDeficits } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { formatPercent, formatTenth } from "../format/numbers.ts";
import { computedCells, totalRow } from "./computed.ts";
import { deficitsABShare } from "./deficits.ts";
import { tableProblems } from "./problems.ts";
import { sharePercent } from "./shares.ts";

const table = teacherDeficits.tables[0] as NonNullable<(typeof teacherDeficits.tables)[0]>;
const chemistry = { id: "r1", cells: { subject: "химия", teachers: 16, a: 3, b: 4, c: 7, d: 2 } };
const readsAsDate = () => true;

describe("shares", () => {
  it("compute seed 004's химия: 3/4/7/2 of 16 → 18,8 / 25,0 / 43,8 / 12,5 %", () => {
    const shares = computedCells(table, chemistry);
    expect(shares).toEqual({ shareA: 18.8, shareB: 25, shareC: 43.8, shareD: 12.5 });
    expect(Object.values(shares).map((v) => formatTenth(v as number))).toEqual(["18,8", "25,0", "43,8", "12,5"]);
    expect(tableProblems(table, [chemistry], { readsAsDate })).toEqual([]);
  });

  it("are empty, not zero, when a count is missing or there are no teachers", () => {
    expect(sharePercent(null, 16)).toBeNull();
    expect(sharePercent(3, 0)).toBeNull();
    expect(sharePercent(undefined, undefined)).toBeNull();
  });

  it("format the territory's share as 55,2 %", () => {
    expect(formatPercent(sharePercent(16, 29) as number)).toBe("55,2\u00a0%");
  });
});

describe("the total row", () => {
  it("sums the counts and computes its shares from the sums", () => {
    const physics = { id: "r2", cells: { subject: "физика", teachers: 4, a: 1, b: 1, c: 1, d: 1 } };
    expect(totalRow(table, [chemistry, physics])).toEqual({
      subject: "Всего:",
      teachers: 20,
      a: 4,
      b: 5,
      c: 8,
      d: 3,
      shareA: 20,
      shareB: 25,
      shareC: 40,
      shareD: 15,
    });
  });
});

describe("problems", () => {
  it("flag A+B+C+D ≠ teachers and an empty required cell, but not a blank new row", () => {
    const wrong = { id: "r3", cells: { subject: "биология", teachers: 10, a: 1, b: 2, c: 3, d: 3 } };
    const missing = { id: "r4", cells: { teachers: 5 } };
    const blank = { id: "r5", cells: {} };
    const problems = tableProblems(table, [wrong, missing, blank], { readsAsDate });
    expect(problems).toContainEqual({
      kind: "sumMismatch",
      rowId: "r3",
      columns: ["a", "b", "c", "d"],
      total: "teachers",
      sum: 9,
      expected: 10,
    });
    expect(problems).toContainEqual({ kind: "required", rowId: "r4", columnId: "subject" });
    expect(problems.some((p) => p.rowId === "r5")).toBe(false);
  });
});

describe("problems of a risk profile", () => {
  const factors = riskProfile.tables[0] as NonNullable<(typeof riskProfile.tables)[0]>;
  it("leave a factor alone until someone works on its row, then ask for «Актуален»", () => {
    const fresh = { id: "f1", cells: { factor: "Дефицит педагогических кадров" } };
    const started = { id: "f2", cells: { factor: "Низкий уровень оснащения школы", measures: "Закупка" } };
    expect(tableProblems(factors, [fresh, started], { readsAsDate })).toEqual([
      { kind: "required", rowId: "f2", columnId: "relevant" },
    ]);
  });
});

describe("deficitsABShare", () => {
  it("sums A+B over subjects and divides by all their teachers", () => {
    const physics = { id: "r2", cells: { subject: "физика", teachers: 4, a: 1, b: 1, c: 1, d: 1 } };
    expect(deficitsABShare([chemistry, physics, { id: "r3", cells: { subject: "пусто" } }])).toBe(45);
  });
});
