import { seminarPlan } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { tableProblems } from "../table/problems.ts";
import { parsePeriod, readsAsDate } from "./parsePeriod.ts";
import type { PeriodContext, PeriodMeaning } from "./types.ts";

const y2022: PeriodContext = { year: 2022 };
const y2024: PeriodContext = { year: 2024 };
const school2022: PeriodContext = { year: 2022, academic: true };

type Case = readonly [string, PeriodMeaning];

const TERM: PeriodMeaning = { kind: "recurring", every: "term" };
/** «в течение учебного года» in a document for 2022: the school months of 2022, nothing due before its end. */
const SCHOOL_PART_2022: PeriodMeaning = { kind: "ongoing", from: "2022-01-01", until: "2022-12-31", schoolYear: true };

/**
 * Seed 002 (roadmap of Славянский район for 2022, order of 21.01.2022), «Сроки и периодичность»,
 * every row. Row 9's cell is empty (its dates belong to the seminar plan, below); row 12 is split by
 * a page break in the seed («в те-/чение»), row 24 has a stray «года» from one: both joined here.
 */
const SEED_002: readonly Case[] = [
  ["Январь 2022 г.", { kind: "due", due: "2022-01-31" }], // rows 1, 5
  ["Январь 2022 г. согласно плану работы", { kind: "due", due: "2022-01-31", note: "согласно плану работы" }], // rows 2–4
  ["Не реже 1 раз в четверть", TERM], // rows 6, 7
  ["Не реже 1 раза в четверть", TERM], // row 8
  ["", { kind: "unknown" }], // row 9
  [
    "4 раза в течение учебного года", // row 10
    { kind: "recurring", every: "year", timesPer: 4, from: "2022-01-01", until: "2022-12-31", schoolYear: true },
  ],
  [
    "2 раза в течение учебного года", // row 11
    { kind: "recurring", every: "year", timesPer: 2, from: "2022-01-01", until: "2022-12-31", schoolYear: true },
  ],
  ["март-апрель 2022 года, в течение учебного года", { kind: "due", from: "2022-03-01", due: "2022-04-30" }], // row 12
  [
    "в течение года (по отдельному графику)", // row 13
    { kind: "ongoing", from: "2022-01-01", until: "2022-12-31", note: "по отдельному графику" },
  ],
  ["Март-апрель 2022 года", { kind: "due", from: "2022-03-01", due: "2022-04-30" }], // row 14
  ["Декабрь 2022 года", { kind: "due", due: "2022-12-31" }], // row 15
  ["по графику МКУО ЦОКО", { kind: "event", event: "по графику МКУО ЦОКО" }], // row 16
  ["По мере необходимости", { kind: "asNeeded" }], // row 17
  ["В течение учебного года", SCHOOL_PART_2022], // row 18
  ["По итогам полугодия и учебного года", { kind: "recurring", every: "halfYear", schoolYear: true }], // rows 19, 20
  ["По итогам каждой учебной четверти и учебного года", TERM], // rows 21–23
  ["После каждой учебной четверти и учебного года", TERM], // row 24
  ["По графику МОН и МП КК", { kind: "event", event: "По графику МОН и МП КК" }], // row 25
];

/** Seed 002, row 9: the seminars' dates (План семинаров, «Дата»). */
const SEED_002_SEMINARS: readonly Case[] = [
  ["26.01.2022", { kind: "due", due: "2022-01-26" }],
  ["февраль 2022 г.", { kind: "due", due: "2022-02-28" }],
  ["16.03.2022", { kind: "due", due: "2022-03-16" }],
  ["март 2022 года", { kind: "due", due: "2022-03-31" }],
  ["апрель 2022 г.", { kind: "due", due: "2022-04-30" }],
  ["13.04.2022", { kind: "due", due: "2022-04-13" }],
];

/** Seed 003 (Северский район, report of December 2024), Таблица 1, «Дата проведения», every cell. */
const SEED_003: readonly Case[] = [
  ["Декабрь 2023г. Ноябрь 2024г.", { kind: "due", due: "2024-11-30", dates: ["2023-12-31", "2024-11-30"] }],
  ["Март 2024г.", { kind: "due", due: "2024-03-31" }],
  [
    "Февраль 2024 г. Апрель 2024г. Апрель 2023г.",
    { kind: "due", due: "2024-04-30", dates: ["2023-04-30", "2024-02-29", "2024-04-30"] },
  ],
  ["Март 2024г. Октябрь 2024г.", { kind: "due", due: "2024-10-31", dates: ["2024-03-31", "2024-10-31"] }],
  ["Апрель 2024г.", { kind: "due", due: "2024-04-30" }],
  ["В течение года", { kind: "ongoing", from: "2024-01-01", until: "2024-12-31" }],
  ["Сентябрь 2024г.", { kind: "due", due: "2024-09-30" }],
];

/** More phrases as people write them, read in a calendar document for 2022. */
const REALISTIC: readonly Case[] = [
  ["26.01.22", { kind: "due", due: "2022-01-26" }],
  ["1.09.2022", { kind: "due", due: "2022-09-01" }],
  ["01.09", { kind: "due", due: "2022-09-01" }],
  ["2022-03-01", { kind: "due", due: "2022-03-01" }],
  ["«23» декабря 2024г.", { kind: "due", due: "2024-12-23" }],
  ["На 1 сентября 2022 года", { kind: "due", due: "2022-09-01" }],
  ["ДЕКАБРЬ 2022 Г.", { kind: "due", due: "2022-12-31" }],
  ["Сентябрь, 2022 г.", { kind: "due", due: "2022-09-30" }],
  ["в январе", { kind: "due", due: "2022-01-31" }],
  ["январе 2022", { kind: "due", due: "2022-01-31" }],
  ["янв. 2022", { kind: "due", due: "2022-01-31" }],
  ["в мае", { kind: "due", due: "2022-05-31" }],
  ["мае-июне 2022", { kind: "due", from: "2022-05-01", due: "2022-06-30" }],
  ["март – апрель", { kind: "due", from: "2022-03-01", due: "2022-04-30" }],
  ["март—апрель 2022 г.", { kind: "due", from: "2022-03-01", due: "2022-04-30" }],
  ["март-апрель 2022г.;", { kind: "due", from: "2022-03-01", due: "2022-04-30" }],
  ["сентябрь-октябрь", { kind: "due", from: "2022-09-01", due: "2022-10-31" }],
  ["октябрь – ноябрь 2022", { kind: "due", from: "2022-10-01", due: "2022-11-30" }],
  ["ноябрь-февраль", { kind: "due", from: "2022-11-01", due: "2023-02-28" }],
  ["ноябрь 2022 - март 2023", { kind: "due", from: "2022-11-01", due: "2023-03-31" }],
  ["в сентябре – декабре 2020 года", { kind: "due", from: "2020-09-01", due: "2020-12-31" }],
  ["с 10.01.2022 по 15.02.2022", { kind: "due", from: "2022-01-10", due: "2022-02-15" }],
  ["10.01–15.02.2022", { kind: "due", from: "2022-01-10", due: "2022-02-15" }],
  ["в период с 01.02.2022 по 28.02.2022", { kind: "due", from: "2022-02-01", due: "2022-02-28" }],
  ["1-15 сентября 2022", { kind: "due", from: "2022-09-01", due: "2022-09-15" }],
  ["с 1 по 15 сентября", { kind: "due", from: "2022-09-01", due: "2022-09-15" }],
  ["август 2022, январь 2023", { kind: "due", due: "2023-01-31", dates: ["2022-08-31", "2023-01-31"] }],
  ["до 01.03.2022, до 01.06.2022", { kind: "due", due: "2022-06-01", dates: ["2022-03-01", "2022-06-01"] }],
  ["I квартал 2022", { kind: "due", due: "2022-03-31" }],
  ["1 квартал", { kind: "due", due: "2022-03-31" }],
  ["3 квартал 2022 г.", { kind: "due", due: "2022-09-30" }],
  ["во II квартале", { kind: "due", due: "2022-06-30" }],
  ["II полугодие", { kind: "due", due: "2022-12-31" }],
  ["первое полугодие 2022 года", { kind: "due", due: "2022-06-30" }],
  ["I полугодие 2022-2023 учебного года", { kind: "due", due: "2022-12-31" }],
  ["IV четверть", { kind: "due", due: "2022-05-31" }],
  ["2 четверть", { kind: "due", due: "2022-12-31" }],
  ["четвертая четверть", { kind: "due", due: "2022-05-31" }],
  ["по итогам I четверти", { kind: "due", due: "2022-10-31" }],
  ["до 1 марта 2022", { kind: "due", due: "2022-03-01" }],
  ["до 01.03.2022", { kind: "due", due: "2022-03-01" }],
  ["до 25.12.2022 г.", { kind: "due", due: "2022-12-25" }],
  ["до 31 мая", { kind: "due", due: "2022-05-31" }],
  ["до 15.05", { kind: "due", due: "2022-05-15" }],
  ["по 31.05.2022", { kind: "due", due: "2022-05-31" }],
  ["к 1 сентября", { kind: "due", due: "2022-09-01" }],
  ["не позднее 10 января 2023 года", { kind: "due", due: "2023-01-10" }],
  ["до марта", { kind: "due", due: "2022-02-28" }], // before March begins
  ["до конца 2022 года", { kind: "due", due: "2022-12-31" }],
  ["до 2024 года", { kind: "due", due: "2024-12-31" }], // as in «на период до 2024 года»
  ["до конца учебного года", { kind: "due", due: "2022-05-31" }],
  ["к началу учебного года", { kind: "due", due: "2022-09-01" }],
  ["перед началом учебного года", { kind: "due", due: "2022-08-31" }],
  ["в конце учебного года", { kind: "due", due: "2022-05-31" }],
  // named with the terms: the school year's half, not January–June
  ["По итогам I четверти и I полугодия", { kind: "due", due: "2022-12-31", dates: ["2022-10-31", "2022-12-31"] }],
  ["Сентябрь 2022 г. (по согласованию с ОО)", { kind: "due", due: "2022-09-30", note: "по согласованию с ОО" }],
  ["Ежемесячно, по графику ВШК", { kind: "recurring", every: "month", note: "по графику ВШК" }],
  [
    "Январь 2022 г., согласно приказу № 156 от 21.01.2022",
    { kind: "due", due: "2022-01-31", note: "согласно приказу № 156" },
  ],
  ["по итогам года", { kind: "due", due: "2022-12-31" }],
  ["по итогам учебного года", { kind: "due", due: "2022-05-31" }],
  ["по итогам ВПР (апрель 2022)", { kind: "due", due: "2022-04-30", note: "по итогам ВПР" }],
  ["весна 2022", { kind: "due", due: "2022-05-31" }],
  ["в летний период", { kind: "due", due: "2022-08-31" }],
  ["не позднее 25 числа каждого месяца", { kind: "recurring", every: "month" }],
  ["ежемесячно", { kind: "recurring", every: "month" }],
  ["Ежемесячно, до 5 числа", { kind: "recurring", every: "month" }],
  ["1 раз в месяц", { kind: "recurring", every: "month" }],
  ["2 раза в месяц", { kind: "recurring", every: "month", timesPer: 2 }],
  ["еженедельно", { kind: "recurring", every: "week" }],
  ["еженедельно по понедельникам", { kind: "recurring", every: "week" }],
  ["по пятницам", { kind: "recurring", every: "week" }],
  [
    "каждый четверг недели 2021-2022 учебного года", // seed 004's «Методический день»
    { kind: "recurring", every: "week", from: "2021-09-01", until: "2022-05-31" },
  ],
  ["ежеквартально", { kind: "recurring", every: "quarter" }],
  ["ежеквартально, до 31.12.2022 г.", { kind: "recurring", every: "quarter", until: "2022-12-31" }],
  ["ежегодно", { kind: "recurring", every: "year" }],
  ["не реже 2 раз в год", { kind: "recurring", every: "year", timesPer: 2 }],
  ["2 раза в год", { kind: "recurring", every: "year", timesPer: 2 }],
  ["дважды в год", { kind: "recurring", every: "year", timesPer: 2 }],
  ["не реже одного раза в полугодие", { kind: "recurring", every: "halfYear" }],
  ["по итогам четверти", TERM],
  ["в конце каждой четверти", TERM],
  ["по итогам полугодия", { kind: "recurring", every: "halfYear" }],
  ["ежемесячно в течение 2022 года", { kind: "recurring", every: "month", from: "2022-01-01", until: "2022-12-31" }],
  ["в течение 2022 года", { kind: "ongoing", from: "2022-01-01", until: "2022-12-31" }],
  ["в 2022 году", { kind: "ongoing", from: "2022-01-01", until: "2022-12-31" }],
  ["в течение 2022-2023 учебного года", { kind: "ongoing", from: "2022-09-01", until: "2023-05-31" }],
  ["в течение 2022 – 2023 учебного года", { kind: "ongoing", from: "2022-09-01", until: "2023-05-31" }],
  ["2022/2023 уч. г.", { kind: "ongoing", from: "2022-09-01", until: "2023-05-31" }],
  ["в течение учебного года", SCHOOL_PART_2022],
  ["в учебном году", SCHOOL_PART_2022],
  ["В течение учебного года, по графику", { ...SCHOOL_PART_2022, note: "по графику" }],
  ["до 31.05 (в течение учебного года)", { kind: "due", due: "2022-05-31" }],
  ["в течение первой четверти", { kind: "ongoing", from: "2022-09-01", until: "2022-10-31" }],
  ["в течение I полугодия", { kind: "ongoing", from: "2022-01-01", until: "2022-06-30" }],
  ["2022-2024 гг.", { kind: "ongoing", from: "2022-01-01", until: "2024-12-31" }],
  ["2022 - 2023 гг.", { kind: "ongoing", from: "2022-01-01", until: "2023-12-31" }],
  ["постоянно", { kind: "ongoing", from: "2022-01-01", until: "2022-12-31" }],
  ["Ежедневно", { kind: "ongoing", from: "2022-01-01", until: "2022-12-31" }],
  ["в течение всего периода", { kind: "ongoing", from: "2022-01-01", until: "2022-12-31" }],
  ["с 01.09.2022", { kind: "ongoing", from: "2022-09-01", until: "2022-12-31" }],
  ["с сентября 2022", { kind: "ongoing", from: "2022-09-01", until: "2022-12-31" }],
  ["не ранее 01.03.2022", { kind: "ongoing", from: "2022-03-01", until: "2022-12-31" }], // a start, not a deadline
  ["при необходимости", { kind: "asNeeded" }],
  ["  по мере  необходимости.  ", { kind: "asNeeded" }],
  ["по итогам ВПР", { kind: "event", event: "по итогам ВПР" }],
  ["после получения результатов", { kind: "event", event: "после получения результатов" }],
  [
    "в течение месяца после получения результатов",
    { kind: "event", event: "в течение месяца после получения результатов" },
  ],
  ["по согласованию с куратором", { kind: "event", event: "по согласованию с куратором" }],
  ["по плану ОО", { kind: "event", event: "по плану ОО" }],
  ["согласно графику ВПР.", { kind: "event", event: "согласно графику ВПР" }],
  // «от 21.01.2022» refers to an order, not to a deadline.
  ["согласно приказу от 21.01.2022", { kind: "event", event: "согласно приказу от 21.01.2022" }],
  ["согласно приказу 21.01.2022 № 156", { kind: "event", event: "согласно приказу 21.01.2022 № 156" }],
  ["по отдельному графику", { kind: "event", event: "по отдельному графику" }],
  ["накануне учебного года", { kind: "event", event: "накануне учебного года" }],
  // After a period that ended before the document: when is not said.
  ["по итогам 2021 года", { kind: "event", event: "по итогам 2021 года" }],
  [
    "по итогам I полугодия 2021-2022 учебного года",
    { kind: "event", event: "по итогам I полугодия 2021-2022 учебного года" },
  ],
  // Counted from a date: the date named is not the deadline.
  ["через месяц после 01.03.2022", { kind: "event", event: "через месяц после 01.03.2022" }],
];

/** Text that stays unknown: valid, kept as typed, never an error. */
const UNKNOWN: readonly string[] = [
  "своевременно",
  "уточняется",
  "по возможности",
  "—",
  "?",
  "в течение 10 дней",
  "1 раз в 2 месяца", // no unit for «every 2 months»
  "31.02.2022", // no such day
  "разработка плана",
  // Unsure, so nothing derived: a wrong deadline is worse than none.
  "в течение 1.5 месяцев", // a decimal, not 1 May
  "приказ 21.01.2022 № 156", // a document's reference
  "за 2 недели до начала учебного года", // counted back from a date
  "за 10 дней до 01.03.2022",
  "в течение 10 рабочих дней с 01.03.2022",
  "в начале учебного года", // near a period, no one knows when
];

/** The same phrases in a school-year document for 2022/2023. */
const ACADEMIC: readonly Case[] = [
  ["сентябрь-октябрь", { kind: "due", from: "2022-09-01", due: "2022-10-31" }],
  ["январь", { kind: "due", due: "2023-01-31" }],
  ["ноябрь-февраль", { kind: "due", from: "2022-11-01", due: "2023-02-28" }],
  ["I четверть", { kind: "due", due: "2022-10-31" }],
  ["III четверть", { kind: "due", due: "2023-03-31" }],
  ["II полугодие", { kind: "due", due: "2023-05-31" }],
  ["в течение года", { kind: "ongoing", from: "2022-09-01", until: "2023-05-31" }],
  ["в течение учебного года", { kind: "ongoing", from: "2022-09-01", until: "2023-05-31" }],
  ["постоянно", { kind: "ongoing", from: "2022-09-01", until: "2023-05-31" }],
  ["до конца учебного года", { kind: "due", due: "2023-05-31" }],
  [
    "4 раза в течение учебного года",
    { kind: "recurring", every: "year", timesPer: 4, from: "2022-09-01", until: "2023-05-31", schoolYear: true },
  ],
  ["2 раза в год", { kind: "recurring", every: "year", timesPer: 2, schoolYear: true }],
  ["по итогам полугодия", { kind: "recurring", every: "halfYear", schoolYear: true }],
];

describe("parsePeriod", () => {
  it.each(SEED_002)("reads seed 002's «%s»", (text, expected) => {
    expect(parsePeriod(text, y2022)).toStrictEqual(expected);
  });

  it.each(SEED_002_SEMINARS)("reads seed 002's seminar date «%s»", (text, expected) => {
    expect(parsePeriod(text, y2022)).toStrictEqual(expected);
  });

  it.each(SEED_003)("reads seed 003's «%s»", (text, expected) => {
    expect(parsePeriod(text, y2024)).toStrictEqual(expected);
  });

  it.each(REALISTIC)("reads «%s»", (text, expected) => {
    expect(parsePeriod(text, y2022)).toStrictEqual(expected);
  });

  it.each(ACADEMIC)("reads «%s» in a school-year document", (text, expected) => {
    expect(parsePeriod(text, school2022)).toStrictEqual(expected);
  });

  it.each(UNKNOWN)("leaves «%s» unknown", (text) => {
    expect(parsePeriod(text, y2022)).toEqual({ kind: "unknown" });
  });

  it("leaves an empty cell unknown", () => {
    expect(parsePeriod(null, y2022)).toEqual({ kind: "unknown" });
    expect(parsePeriod(undefined, y2022)).toEqual({ kind: "unknown" });
    expect(parsePeriod("   ", y2022)).toEqual({ kind: "unknown" });
  });

  it("takes the year from the document only when the text names none", () => {
    expect(parsePeriod("Январь", y2024)).toEqual({ kind: "due", due: "2024-01-31" });
    expect(parsePeriod("Январь 2022 г.", y2024)).toEqual({ kind: "due", due: "2022-01-31" });
  });

  it("reads «ё» and «е» alike", () => {
    expect(parsePeriod("ежеквартально, до 31.12.2022 г.", y2022)).toEqual(
      parsePeriod("Ежеквартально, до 31.12.2022 г.", y2022),
    );
    expect(parsePeriod("четвёртая четверть", y2022)).toEqual({ kind: "due", due: "2022-05-31" });
  });
});

describe("readsAsDate", () => {
  it("accepts a date, a month, a list of them, a time frame or a recurrence; refuses the rest", () => {
    expect(readsAsDate("26.01.2022", y2022)).toBe(true);
    expect(readsAsDate("февраль 2022 г.", y2022)).toBe(true);
    expect(readsAsDate("Декабрь 2023г. Ноябрь 2024г.", y2024)).toBe(true);
    expect(readsAsDate("В течение года", y2022)).toBe(true);
    expect(readsAsDate("В течение учебного года", y2022)).toBe(true);
    expect(readsAsDate("ежемесячно", y2022)).toBe(true);
    expect(readsAsDate("по согласованию", y2022)).toBe(false);
    expect(readsAsDate("по мере необходимости", y2022)).toBe(false);
    expect(readsAsDate("разработка плана", y2022)).toBe(false);
  });

  it("lets «В течение года» stand in the seminar plan's «Дата» column: valid text, no problem", () => {
    const seminars = seminarPlan.tables[0] as NonNullable<(typeof seminarPlan.tables)[0]>;
    const row = (id: string, date: string) => ({ id, cells: { base: "СОШ № 19", topic: "Семинар", date } });
    const rows = [row("s1", "В течение года"), row("s2", "26.01.2022"), row("s3", "разработка плана")];
    const problems = tableProblems(seminars, rows, { readsAsDate: (text) => readsAsDate(text, y2024) });
    expect(problems).toEqual([{ kind: "unreadableDate", rowId: "s3", columnId: "date", text: "разработка плана" }]);
  });
});
