import { describePeriod, isOverdue, type PeriodMeaning, parsePeriod } from "@karta/domain";
import { describe, expect, it } from "vitest";
import { antiRiskDraftRows } from "./antiRiskDrafts.ts";
import { DEMO_YEAR } from "./demoDirectory.ts";
import { slavyanskSeminarPlanRows } from "./seeds/seminarPlan.ts";
import { slavyanskRoadmapRows } from "./slavyanskRoadmap.ts";

/**
 * Every «Сроки» cell of the demo seeds, read by the parser in its document's context (the demo
 * documents are for the calendar year 2022), with the meaning derived and how a tooltip says it.
 * Each was checked by reading it: a wrong deadline is worse than none.
 */
type Reading = readonly [text: string, meaning: PeriodMeaning, said: string];

const context = { year: DEMO_YEAR };

const JANUARY: Reading = ["Январь 2022 г.", { kind: "due", due: "2022-01-31" }, "до 31.01.2022"];
const JANUARY_PER_PLAN: Reading = [
  "Январь 2022 г. согласно плану работы",
  { kind: "due", due: "2022-01-31", note: "согласно плану работы" },
  "до 31.01.2022, согласно плану работы",
];
const TERM: PeriodMeaning = { kind: "recurring", every: "term" };
const HALF_YEARS: Reading = [
  "По итогам полугодия и учебного года",
  { kind: "recurring", every: "halfYear", schoolYear: true },
  "каждое учебное полугодие",
];
const TERMS_AND_YEAR: Reading = ["По итогам каждой учебной четверти и учебного года", TERM, "каждую четверть"];

/** Seed 002, the roadmap of Славянский район for 2022, rows 1–25. */
const ROADMAP: readonly Reading[] = [
  JANUARY,
  JANUARY_PER_PLAN,
  JANUARY_PER_PLAN,
  JANUARY_PER_PLAN,
  JANUARY,
  ["Не реже 1 раз в четверть", TERM, "каждую четверть"],
  ["Не реже 1 раз в четверть", TERM, "каждую четверть"],
  ["Не реже 1 раза в четверть", TERM, "каждую четверть"],
  [
    "26.01.2022\nфевраль 2022 г.\n16.03.2022\nмарт 2022 года\nапрель 2022 г.\n13.04.2022",
    {
      kind: "due",
      due: "2022-04-30",
      dates: ["2022-01-26", "2022-02-28", "2022-03-16", "2022-03-31", "2022-04-13", "2022-04-30"],
    },
    "до 26.01.2022, до 28.02.2022, до 16.03.2022, до 31.03.2022, до 13.04.2022 и до 30.04.2022",
  ],
  [
    "4 раза в течение учебного года",
    { kind: "recurring", every: "year", timesPer: 4, from: "2022-01-01", until: "2022-12-31", schoolYear: true },
    "4 раза в учебный год, в пределах 2022 г.",
  ],
  [
    "2 раза в течение учебного года",
    { kind: "recurring", every: "year", timesPer: 2, from: "2022-01-01", until: "2022-12-31", schoolYear: true },
    "2 раза в учебный год, в пределах 2022 г.",
  ],
  [
    "март-апрель 2022 года, в течение учебного года",
    { kind: "due", from: "2022-03-01", due: "2022-04-30" },
    "с 01.03.2022 по 30.04.2022",
  ],
  [
    "в течение года (по отдельному графику)",
    { kind: "ongoing", from: "2022-01-01", until: "2022-12-31", note: "по отдельному графику" },
    "в течение 2022 г., по отдельному графику",
  ],
  ["Март-апрель 2022 года", { kind: "due", from: "2022-03-01", due: "2022-04-30" }, "с 01.03.2022 по 30.04.2022"],
  ["Декабрь 2022 года", { kind: "due", due: "2022-12-31" }, "до 31.12.2022"],
  ["по графику МКУО ЦОКО", { kind: "event", event: "по графику МКУО ЦОКО" }, "без даты: по графику МКУО ЦОКО"],
  ["По мере необходимости", { kind: "asNeeded" }, "по мере необходимости"],
  [
    "В течение учебного года",
    { kind: "ongoing", from: "2022-01-01", until: "2022-12-31", schoolYear: true },
    "в течение учебного года, в пределах 2022 г.",
  ],
  HALF_YEARS,
  HALF_YEARS,
  TERMS_AND_YEAR,
  TERMS_AND_YEAR,
  TERMS_AND_YEAR,
  ["После каждой учебной четверти и учебного года", TERM, "каждую четверть"],
  ["По графику МОН и МП КК", { kind: "event", event: "По графику МОН и МП КК" }, "без даты: По графику МОН и МП КК"],
];

/** The demo anti-risk programme's measures. */
const ANTI_RISK: readonly Reading[] = [
  JANUARY,
  [
    "В течение года (по отдельному графику)",
    { kind: "ongoing", from: "2022-01-01", until: "2022-12-31", note: "по отдельному графику" },
    "в течение 2022 г., по отдельному графику",
  ],
  ["Не реже 1 раза в четверть", TERM, "каждую четверть"],
  ["март-апрель 2022 года", { kind: "due", from: "2022-03-01", due: "2022-04-30" }, "с 01.03.2022 по 30.04.2022"],
  ["По итогам каждой учебной четверти", TERM, "каждую четверть"],
];

/** Seed 002's seminar plan, «Дата». */
const SEMINARS: readonly Reading[] = [
  ["26.01.2022", { kind: "due", due: "2022-01-26" }, "до 26.01.2022"],
  ["февраль 2022 г.", { kind: "due", due: "2022-02-28" }, "до 28.02.2022"],
  ["16.03.2022", { kind: "due", due: "2022-03-16" }, "до 16.03.2022"],
  ["март 2022 года", { kind: "due", due: "2022-03-31" }, "до 31.03.2022"],
  ["апрель 2022 г.", { kind: "due", due: "2022-04-30" }, "до 30.04.2022"],
  ["13.04.2022", { kind: "due", due: "2022-04-13" }, "до 13.04.2022"],
];

const cases = (readings: readonly Reading[], texts: readonly string[], label: string) =>
  readings.map(([text, meaning, said], i) => ({ label: `${label} ${i + 1}`, seeded: texts[i], text, meaning, said }));

describe("the seeds' «Сроки», read", () => {
  const roadmap = cases(
    ROADMAP,
    slavyanskRoadmapRows.map((r) => r.period),
    "roadmap row",
  );
  const antiRisk = cases(
    ANTI_RISK,
    antiRiskDraftRows.map((r) => r.period),
    "anti-risk row",
  );
  const seminars = cases(
    SEMINARS,
    slavyanskSeminarPlanRows.map((r) => r.date),
    "seminar",
  );

  it("covers every cell of the seeds, in order", () => {
    expect(roadmap.map((c) => c.text)).toEqual(slavyanskRoadmapRows.map((r) => r.period));
    expect(antiRisk.map((c) => c.text)).toEqual(antiRiskDraftRows.map((r) => r.period));
    expect(seminars.map((c) => c.text)).toEqual(slavyanskSeminarPlanRows.map((r) => r.date));
  });

  it.each([...roadmap, ...antiRisk, ...seminars])("$label: «$text» → $said", ({ seeded, text, meaning, said }) => {
    expect(seeded).toBe(text);
    const read = parsePeriod(text, context);
    expect(read).toStrictEqual(meaning);
    expect(describePeriod(read)).toBe(said);
  });

  it("marks nothing of the school year overdue in June 2022, and the January measures in February", () => {
    const overdueOn = (today: string) =>
      slavyanskRoadmapRows.flatMap((r, i) => (isOverdue(parsePeriod(r.period, context), false, today) ? [i + 1] : []));
    expect(overdueOn("2022-01-31")).toEqual([]);
    expect(overdueOn("2022-02-01")).toEqual([1, 2, 3, 4, 5]);
    expect(overdueOn("2022-06-01")).toEqual([1, 2, 3, 4, 5, 9, 12, 14]);
    expect(overdueOn("2022-12-31")).toEqual([1, 2, 3, 4, 5, 9, 12, 14]);
    expect(overdueOn("2023-01-01")).toEqual([1, 2, 3, 4, 5, 9, 10, 11, 12, 13, 14, 15, 18]);
  });
});
