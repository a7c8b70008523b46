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
const schoolYear4: PeriodMeaning = {
  kind: "recurring",
  every: "year",
  timesPer: 4,
  from: "2022-09-01",
  until: "2023-05-31",
  schoolYear: true,
};
const seminars: PeriodMeaning = {
  kind: "due",
  due: "2022-04-30",
  dates: ["2022-01-26", "2022-02-28", "2022-03-16", "2022-03-31", "2022-04-13", "2022-04-30"],
};

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
    // a school year's «4 раза в течение учебного года» (school-year document): due at its end, not 31.12
    [schoolYear4, "2022-10-01", "2023-05-31"],
    [schoolYear4, "2023-06-01", null],
    // separate events: the next one not yet past
    [seminars, "2022-01-26", "2022-01-26"],
    [seminars, "2022-01-27", "2022-02-28"],
    [seminars, "2022-04-14", "2022-04-30"],
    [seminars, "2022-05-01", null],
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
    expect(isOverdue(parsePeriod("В течение учебного года", y2022), false, "2022-06-01")).toBe(false);
    expect(isOverdue(parsePeriod("В течение учебного года", y2022), false, "2023-01-01")).toBe(true);
  });
});

/** Every day from `from` to `to`, ISO. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** isOverdue and nextDueDate agree: overdue exactly when there is a deadline and none is left. */
function expectAgreement(meaning: PeriodMeaning, from = "2021-12-01", to = "2023-02-01"): void {
  for (const today of days(from, to)) {
    const next = nextDueDate(meaning, today);
    const overdue = isOverdue(meaning, false, today);
    if (overdue) expect(next, today).toBeNull();
    if (next !== null) {
      expect(overdue, today).toBe(false);
      expect(next >= today, today).toBe(true);
    }
  }
}

/** The first day `isOverdue` holds (not done), or null. */
function firstOverdue(meaning: PeriodMeaning, from = "2021-12-01", to = "2023-02-01"): string | null {
  return days(from, to).find((today) => isOverdue(meaning, false, today)) ?? null;
}

describe("seed phrases, read right", () => {
  it.each(["В течение учебного года", "4 раза в течение учебного года", "2 раза в течение учебного года"])(
    "«%s» in the roadmap for 2022 is the school-year part of 2022: nothing overdue before 31.12.2022",
    (text) => {
      const meaning = parsePeriod(text, y2022);
      expect(meaning).toMatchObject({ from: "2022-01-01", until: "2022-12-31", schoolYear: true });
      expect(firstOverdue(meaning)).toBe("2023-01-01");
      for (const today of ["2022-06-01", "2022-08-31", "2022-12-31"])
        expect(isOverdue(meaning, false, today)).toBe(false);
      expect(nextDueDate(meaning, "2022-12-31")).toBe("2022-12-31");
      expect(nextDueDate(meaning, "2023-01-01")).toBeNull();
      expectAgreement(meaning);
    },
  );

  it("counts «4 раза в течение учебного года» by school years: the next one ends 31.05, the summer waits", () => {
    const meaning = parsePeriod("4 раза в течение учебного года", y2022);
    expect(meaning).toEqual({
      kind: "recurring",
      every: "year",
      timesPer: 4,
      from: "2022-01-01",
      until: "2022-12-31",
      schoolYear: true,
    });
    expect(nextDueDate(meaning, "2022-02-10")).toBe("2022-05-31");
    expect(nextDueDate(meaning, "2022-06-10")).toBe("2022-12-31"); // the 2022/2023 year, within the document
    expect(describePeriod(meaning)).toBe("4 раза в учебный год, в пределах 2022 г.");
    expect(describePeriod(parsePeriod("В течение учебного года", y2022))).toBe(
      "в течение учебного года, в пределах 2022 г.",
    );
  });

  it("keeps the continuation of «Январь 2022 г. согласно плану работы»: January 2022, per the work plan", () => {
    const meaning = parsePeriod("Январь 2022 г. согласно плану работы", y2022);
    expect(meaning).toEqual({ kind: "due", due: "2022-01-31", note: "согласно плану работы" });
    expect(describePeriod(meaning)).toBe("до 31.01.2022, согласно плану работы");
    expect(firstOverdue(meaning)).toBe("2022-02-01");
    expectAgreement(meaning);
  });

  it("reads «По итогам полугодия и учебного года» by the school year: 31.12 and 31.05, not 30.06", () => {
    const meaning = parsePeriod("По итогам полугодия и учебного года", y2022);
    expect(meaning).toEqual({ kind: "recurring", every: "halfYear", schoolYear: true });
    expect(nextDueDate(meaning, "2022-02-10")).toBe("2022-05-31");
    expect(nextDueDate(meaning, "2022-05-31")).toBe("2022-05-31");
    expect(nextDueDate(meaning, "2022-06-01")).toBe("2022-12-31");
    expect(nextDueDate(meaning, "2022-09-15")).toBe("2022-12-31");
    expect(nextDueDate(meaning, "2023-01-01")).toBe("2023-05-31");
    expect(firstOverdue(meaning)).toBeNull();
    expect(describePeriod(meaning)).toBe("каждое учебное полугодие");
    expectAgreement(meaning);
  });

  it("keeps March–April in «март-апрель 2022 года, в течение учебного года», not the school year", () => {
    const meaning = parsePeriod("март-апрель 2022 года, в течение учебного года", y2022);
    expect(meaning).toEqual({ kind: "due", from: "2022-03-01", due: "2022-04-30" });
    expect(describePeriod(meaning)).toBe("с 01.03.2022 по 30.04.2022");
    expect(firstOverdue(meaning)).toBe("2022-05-01");
    expectAgreement(meaning);
  });

  it("reads «Декабрь 2023г. Ноябрь 2024г.» as two events, not one span", () => {
    const meaning = parsePeriod("Декабрь 2023г. Ноябрь 2024г.", { year: 2024 });
    expect(meaning).toEqual({ kind: "due", due: "2024-11-30", dates: ["2023-12-31", "2024-11-30"] });
    expect(nextDueDate(meaning, "2023-12-10")).toBe("2023-12-31");
    expect(nextDueDate(meaning, "2024-01-10")).toBe("2024-11-30");
    expect(nextDueDate(meaning, "2024-12-01")).toBeNull();
    expect(describePeriod(meaning)).toBe("до 31.12.2023 и до 30.11.2024");
    expect(firstOverdue(meaning, "2023-11-01", "2025-01-31")).toBe("2024-12-01");
    expectAgreement(meaning, "2023-11-01", "2025-01-31");
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
    [schoolYear4, "4 раза в учебный год, в течение 2022/2023 учебного года"],
    [
      { kind: "recurring", every: "week", from: "2022-01-01", until: "2022-12-31", schoolYear: true },
      "еженедельно, в течение учебного года, в пределах 2022 г.",
    ],
    [{ kind: "recurring", every: "halfYear", schoolYear: true }, "каждое учебное полугодие"],
    [
      { kind: "due", due: "2022-03-16", dates: ["2022-01-26", "2022-02-28", "2022-03-16"] },
      "до 26.01.2022, до 28.02.2022 и до 16.03.2022",
    ],
    [
      { kind: "ongoing", from: "2022-01-01", until: "2022-12-31", note: "по отдельному графику" },
      "в течение 2022 г., по отдельному графику",
    ],
    [{ kind: "asNeeded" }, "по мере необходимости"],
    [{ kind: "event", event: "по итогам ВПР" }, "без даты: по итогам ВПР"],
    [{ kind: "unknown" }, "срок не распознан"],
  ] as const)("of %j is «%s»", (meaning, expected) => {
    expect(describePeriod(meaning)).toBe(expected);
  });
});
