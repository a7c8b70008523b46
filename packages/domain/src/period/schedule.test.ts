import { describe, expect, it } from "vitest";
import { describePeriod } from "./describe.ts";
import { parsePeriod } from "./parsePeriod.ts";
import { isOverdue, nextDueDate } from "./schedule.ts";
import type { PeriodMeaning } from "./types.ts";

const y2022 = { year: 2022 };
const january: PeriodMeaning = { kind: "due", due: "2022-01-31" };
const marchApril: PeriodMeaning = { kind: "due", from: "2022-03-01", due: "2022-04-30" };
const year2022: PeriodMeaning = { kind: "ongoing", from: "2022-01-01", until: "2022-12-31" };
const term: PeriodMeaning = { kind: "recurring", every: "term" };
const quarterly2022: PeriodMeaning = { kind: "recurring", every: "quarter", until: "2022-12-31" };
const weeklySchoolYear: PeriodMeaning = { kind: "recurring", every: "week", from: "2021-09-01", until: "2022-05-31" };

describe("nextDueDate", () => {
  it.each([
    [january, "2022-01-10", "2022-01-31"],
    [january, "2022-01-31", "2022-01-31"],
    [january, "2022-02-01", null],
    [marchApril, "2022-01-10", "2022-04-30"],
    [year2022, "2022-06-15", "2022-12-31"],
    [year2022, "2023-01-01", null],
    // terms end 31.10, 31.12, 31.03, 31.05; the summer waits for 31.10
    [term, "2022-01-15", "2022-03-31"],
    [term, "2022-03-31", "2022-03-31"],
    [term, "2022-04-01", "2022-05-31"],
    [term, "2022-06-10", "2022-10-31"],
    [term, "2022-11-02", "2022-12-31"],
    [{ kind: "recurring", every: "month" }, "2022-02-10", "2022-02-28"],
    [{ kind: "recurring", every: "month" }, "2024-02-10", "2024-02-29"],
    [{ kind: "recurring", every: "halfYear" }, "2022-02-10", "2022-06-30"],
    [{ kind: "recurring", every: "halfYear" }, "2022-07-01", "2022-12-31"],
    [{ kind: "recurring", every: "year", timesPer: 2 }, "2022-07-01", "2022-12-31"],
    [quarterly2022, "2022-05-05", "2022-06-30"],
    [quarterly2022, "2023-01-01", null],
    // 2022-03-02 is a Wednesday: due on Sunday
    [weeklySchoolYear, "2022-03-02", "2022-03-06"],
    [weeklySchoolYear, "2022-03-06", "2022-03-06"],
    [weeklySchoolYear, "2021-06-01", "2021-09-05"],
    [weeklySchoolYear, "2022-05-30", "2022-05-31"],
    [weeklySchoolYear, "2022-06-01", null],
    [{ kind: "asNeeded" }, "2022-01-01", null],
    [{ kind: "event", event: "по итогам ВПР" }, "2022-01-01", null],
    [{ kind: "unknown" }, "2022-01-01", null],
  ] as const)("of %j on %s is %s", (meaning, today, expected) => {
    expect(nextDueDate(meaning, today)).toBe(expected);
  });
});

describe("isOverdue", () => {
  it.each([
    [january, false, "2022-01-31", false],
    [january, false, "2022-02-01", true],
    [january, true, "2022-02-01", false],
    [year2022, false, "2022-12-31", false],
    [year2022, false, "2023-01-01", true],
    [term, false, "2030-01-01", false], // no end: never overdue as a whole
    [quarterly2022, false, "2022-12-31", false],
    [quarterly2022, false, "2023-01-01", true],
    [quarterly2022, true, "2023-01-01", false],
    [{ kind: "asNeeded" }, false, "2030-01-01", false],
    [{ kind: "event", event: "после получения результатов" }, false, "2030-01-01", false],
    [{ kind: "unknown" }, false, "2030-01-01", false],
  ] as const)("%j, done %s, on %s: %s", (meaning, done, today, expected) => {
    expect(isOverdue(meaning, done, today)).toBe(expected);
  });

  it("finds seed 002's January measures overdue in March, not its quarterly ones", () => {
    expect(isOverdue(parsePeriod("Январь 2022 г.", y2022), false, "2022-03-01")).toBe(true);
    expect(isOverdue(parsePeriod("Не реже 1 раза в четверть", y2022), false, "2022-03-01")).toBe(false);
    expect(isOverdue(parsePeriod("В течение учебного года", y2022), false, "2022-06-01")).toBe(true);
  });
});

describe("describePeriod", () => {
  it.each([
    [january, "до 31.01.2022"],
    [marchApril, "с 01.03.2022 по 30.04.2022"],
    [quarterly2022, "ежеквартально, до 31.12.2022"],
    [year2022, "в течение 2022 г."],
    [{ kind: "ongoing", from: "2022-01-01", until: "2024-12-31" }, "в течение 2022–2024 гг."],
    [{ kind: "ongoing", from: "2021-09-01", until: "2022-05-31" }, "в течение 2021/2022 учебного года"],
    [{ kind: "ongoing", from: "2022-09-01", until: "2022-10-31" }, "с 01.09.2022 по 31.10.2022"],
    [term, "каждую четверть"],
    [{ kind: "recurring", every: "month" }, "ежемесячно"],
    [{ kind: "recurring", every: "week" }, "еженедельно"],
    [{ kind: "recurring", every: "halfYear" }, "каждое полугодие"],
    [{ kind: "recurring", every: "year" }, "ежегодно"],
    [{ kind: "recurring", every: "year", timesPer: 2 }, "2 раза в год"],
    [{ kind: "recurring", every: "month", timesPer: 5 }, "5 раз в месяц"],
    [
      { kind: "recurring", every: "year", timesPer: 4, from: "2021-09-01", until: "2022-05-31" },
      "4 раза в год, в течение 2021/2022 учебного года",
    ],
    [weeklySchoolYear, "еженедельно, в течение 2021/2022 учебного года"],
    [{ kind: "recurring", every: "week", from: "2022-09-01" }, "еженедельно, с 01.09.2022"],
    [{ kind: "asNeeded" }, "по мере необходимости"],
    [{ kind: "event", event: "по итогам ВПР" }, "без даты: по итогам ВПР"],
    [{ kind: "unknown" }, "срок не распознан"],
  ] as const)("of %j is «%s»", (meaning, expected) => {
    expect(describePeriod(meaning)).toBe(expected);
  });
});
