import { KartaDocument } from "@karta/doc";
import { describePeriod, overdueRowIds, parsePeriod, readsAsDate, tableProblems } from "@karta/domain";
import { antiRiskProgramme } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { splitCellKey } from "../problems/problemCells.ts";
import { buildCellFlags } from "./cellFlags.ts";
import { RowInsights } from "./rowInsights.ts";

const template = antiRiskProgramme.tables[0] as NonNullable<(typeof antiRiskProgramme.tables)[0]>;
const context = { year: 2022 };
const TODAY = "2022-06-01";

function programme() {
  const table = KartaDocument.create(new Y.Doc(), antiRiskProgramme).table(template.id);
  const ids = table.insertRows(0, [
    { measure: "Анкетирование", period: "Январь 2022 г.", status: "в работе" },
    { period: "Январь 2022 г." },
    { measure: "Семинар", period: "Декабрь 2022 г.", status: "запланировано" },
    { measure: "Отчёт", period: "Март 2022 г.", status: "выполнено" },
    { period: "Май 2022 г.", status: "в работе" },
  ]);
  return { table, ids };
}

describe("RowInsights", () => {
  it("finds the same problems and overdue rows as checking the whole table", () => {
    const { table } = programme();
    const found = new RowInsights(template, context, TODAY).of(table.rows());
    expect(found.problems).toEqual(
      tableProblems(template, table.rows(), { readsAsDate: (text) => readsAsDate(text, context) }),
    );
    expect(found.overdue).toEqual(overdueRowIds(template, table.rows(), context, TODAY));
    expect(found.overdue.size).toBeGreaterThan(0);
    expect(found.flags).toEqual(buildCellFlags(template, table.rows(), found.problems, found.overdue, context));
    const period = [...found.flags.values()].find((flag) => flag.overdue !== null);
    expect(period?.overdue).toContain(describePeriod(parsePeriod("Январь 2022 г.", context)));
    expect(found.problems.length).toBeGreaterThan(0);
    expect(found.changedKeys).toBeNull();
  });

  it("checks again only the rows an edit touched, also when a row above was added", () => {
    const { table, ids } = programme();
    const insights = new RowInsights(template, context, TODAY);
    const before = insights.of(table.rows()).problems;
    table.insertRow(0, { measure: "Новое" });
    table.setCell(ids[1] as string, "status", "в работе");
    const after = insights.of(table.rows()).problems;
    const untouched = before.filter((p) => p.rowId !== ids[1]);
    expect(untouched.length).toBeGreaterThan(0);
    for (const problem of untouched) expect(after).toContain(problem);
    const touched = before.find((p) => p.rowId === ids[1]);
    expect(after.find((p) => p.rowId === ids[1])).not.toBe(touched);
    expect(after).toEqual(tableProblems(template, table.rows(), { readsAsDate: (text) => readsAsDate(text, context) }));
  });

  it("after an edit that moves no row, changes only that row's findings and names its cells", () => {
    const { table, ids } = programme();
    const insights = new RowInsights(template, context, TODAY);
    const before = insights.of(table.rows());
    const beforeFlags = new Map(before.flags);
    const untouchedOverdue = before.overdue;
    table.setCell(ids[2] as string, "measure", "Семинар для педагогов");
    const same = insights.of(table.rows());
    expect(same.changedKeys).toEqual([]);
    expect(same.problems).toBe(before.problems);
    expect(same.overdue).toBe(untouchedOverdue);
    // Row 2 gets a measure (its problem goes) and row 1 is marked done (its overdue mark goes).
    table.setCells([
      { rowId: ids[1] as string, columnId: "measure", value: "Круглый стол" },
      { rowId: ids[0] as string, columnId: "status", value: "выполнено" },
    ]);
    const after = insights.of(table.rows());
    const fresh = new RowInsights(template, context, TODAY).of(table.rows());
    expect(after.problems).toEqual(fresh.problems);
    expect(after.overdue).toEqual(fresh.overdue);
    expect(new Map(after.flags)).toEqual(fresh.flags);
    const changedRows = new Set((after.changedKeys ?? []).map((key) => splitCellKey(key).rowId));
    expect(changedRows).toEqual(new Set([ids[0], ids[1]]));
    for (const [key, flag] of beforeFlags) {
      if (!changedRows.has(splitCellKey(key).rowId)) expect(after.flags.get(key)).toBe(flag);
    }
  });

  it("marks nothing overdue without a day to compare with", () => {
    const { table } = programme();
    expect(new RowInsights(template, context, null).of(table.rows()).overdue.size).toBe(0);
  });
});
