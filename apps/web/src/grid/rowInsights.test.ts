import { KartaDocument } from "@karta/doc";
import { describePeriod, overdueRowIds, parsePeriod, readsAsDate, tableProblems } from "@karta/domain";
import { antiRiskProgramme } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
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
    for (const row of table.rows()) {
      const text = row.cells.period;
      expect(found.deadlines.get(row.id)).toBe(
        found.overdue.has(row.id) && typeof text === "string" ? describePeriod(parsePeriod(text, context)) : undefined,
      );
    }
    expect(found.problems.length).toBeGreaterThan(0);
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

  it("marks nothing overdue without a day to compare with", () => {
    const { table } = programme();
    expect(new RowInsights(template, context, null).of(table.rows()).overdue.size).toBe(0);
  });
});
