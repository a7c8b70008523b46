import { antiRiskProgramme, municipalRoadmap, seminarPlan } from "@karta/schema";
import { describe, expect, it } from "vitest";
import type { PlainRow } from "./computed.ts";
import { overdueRowIds } from "./overdue.ts";

const measures = antiRiskProgramme.tables[0] as NonNullable<(typeof antiRiskProgramme.tables)[0]>;
const context = { year: 2022 };

function measure(id: string, period: string | null, status: string | null): PlainRow {
  return { id, cells: { measure: "Мероприятие", period, status } };
}

describe("overdueRowIds", () => {
  it("finds «Январь 2022 г.» overdue on 2022-03-01 while «в работе», not once «выполнено»", () => {
    const rows = [measure("a", "Январь 2022 г.", "в работе"), measure("b", "Январь 2022 г.", "выполнено")];
    expect(overdueRowIds(measures, rows, context, "2022-03-01")).toEqual(new Set(["a"]));
  });

  it("leaves rows whose deadline has not passed, or that cannot pass, alone", () => {
    const rows = [
      measure("due", "Март-апрель 2022 года", "запланировано"),
      measure("term", "Не реже 1 раза в четверть", "в работе"),
      measure("needed", "По мере необходимости", null),
      measure("event", "по графику МКУО ЦОКО", null),
      measure("unknown", "своевременно", "не выполнено"),
      measure("empty", null, "в работе"),
      measure("late", "26.01.2022", "не выполнено"),
      measure("moved", "февраль 2022 г.", "перенесено"),
    ];
    expect(overdueRowIds(measures, rows, context, "2022-03-01")).toEqual(new Set(["late", "moved"]));
  });

  it("treats every row as not done in a table without a status column", () => {
    const roadmap = municipalRoadmap.tables[0] as NonNullable<(typeof municipalRoadmap.tables)[0]>;
    const rows: PlainRow[] = [
      { id: "r1", cells: { period: "Январь 2022 г." } },
      { id: "r15", cells: { period: "Декабрь 2022 года" } },
    ];
    expect(overdueRowIds(roadmap, rows, context, "2022-03-01")).toEqual(new Set(["r1"]));
  });

  it("reads a date-like Сроки column too (the seminar plan's «Дата»)", () => {
    const seminars = seminarPlan.tables[0] as NonNullable<(typeof seminarPlan.tables)[0]>;
    const rows: PlainRow[] = [
      { id: "s1", cells: { date: "26.01.2022" } },
      { id: "s2", cells: { date: "13.04.2022" } },
    ];
    expect(overdueRowIds(seminars, rows, context, "2022-03-01")).toEqual(new Set(["s1"]));
  });
});
