import { type TableProblem, tableProblems } from "@karta/domain";
import { teacherDeficits } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { cellKey, describeProblem, problemCell, problemsByCell, shortTitle, splitCellKey } from "./problemCells.ts";

const table = teacherDeficits.tables[0] as NonNullable<(typeof teacherDeficits.tables)[0]>;
const readsAsDate = () => true;

describe("problem cells", () => {
  it("show a broken sum on the total it should equal, and name the parts and both numbers", () => {
    const rows = [{ id: "r1", cells: { subject: "химия", teachers: 16, a: 3, b: 4, c: 7, d: 3 } }];
    const [problem] = tableProblems(table, rows, { readsAsDate });
    expect(problem).toBeDefined();
    expect(problemCell(problem as TableProblem)).toEqual({ rowId: "r1", colId: "teachers" });
    expect(describeProblem(problem as TableProblem, table)).toBe(
      "Уровень A + Уровень B + Уровень C + Уровень D = 17, а «Численность педагогов» — 16: числа не сходятся.",
    );
  });

  it("show an empty required cell on itself", () => {
    const problem: TableProblem = { kind: "required", rowId: "r2", columnId: "subject" };
    expect(problemCell(problem)).toEqual({ rowId: "r2", colId: "subject" });
    expect(describeProblem(problem, table)).toBe("Не заполнено обязательное поле «Предмет».");
  });

  it("group several problems of one cell under its key", () => {
    const problems: TableProblem[] = [
      { kind: "required", rowId: "r1", columnId: "teachers" },
      { kind: "sumMismatch", rowId: "r1", columns: ["a"], total: "teachers", sum: 1, expected: 2 },
      { kind: "unreadableDate", rowId: "r2", columnId: "date", text: "скоро" },
    ];
    const byCell = problemsByCell(problems);
    expect(byCell.get(cellKey("r1", "teachers"))?.map((p) => p.kind)).toEqual(["required", "sumMismatch"]);
    expect(byCell.get(cellKey("r2", "date"))?.length).toBe(1);
    expect(byCell.has(cellKey("r1", "a"))).toBe(false);
  });

  it("shorten a column title by its note in brackets only", () => {
    expect(shortTitle("Уровень A (системные)")).toBe("Уровень A");
    expect(shortTitle("Численность педагогов")).toBe("Численность педагогов");
  });
});

describe("cell keys", () => {
  it("name a cell and give it back", () => {
    expect(splitCellKey(cellKey("row-1", "teachers"))).toEqual({ rowId: "row-1", colId: "teachers" });
  });
});
