import { daysInMonth, isoDate, lastDayOf } from "./calendar.ts";
import type { MatchMode, MatchUnit } from "./dates.ts";
import { MONTH_SOURCE, monthNumber, SEASON_SOURCE, seasonMonths } from "./months.ts";
import {
  CALENDAR_HALVES,
  contextSchoolYear,
  documentPeriod,
  SCHOOL_HALVES,
  schoolYearBounds,
  TERMS,
  yearInSchoolYear,
} from "./schoolYear.ts";
import type { PeriodContext } from "./types.ts";

/** A time expression as a pattern found it, before its year is settled. */
export interface Found {
  readonly start: number;
  readonly end: number;
  readonly unit: MatchUnit;
  /** Month-like matches: the first month (to infer a missing year) and the span for a year. */
  readonly firstMonth?: number;
  year?: number;
  readonly build?: (year: number) => [string, string];
  /** Year-like matches are dated already. */
  readonly fixed?: [string, string];
  readonly mode?: MatchMode;
  readonly contextual?: boolean;
  readonly range?: boolean;
  /** The year came from a neighbour or from the document. */
  inferred?: boolean;
  /** «учебный год» named without numbers: the document's school year. */
  readonly school?: boolean;
}

type Make = (m: RegExpMatchArray, context: PeriodContext) => Omit<Found, "start" | "end"> | null;

/** After a month or term: «2022», «2022-2023 учебного года», «2022/23 уч. г.» (groups: y1, y2, marker). */
const YEAR_SPEC =
  "(?:\\s*,?\\s*(\\d{4})(?:\\s*[-/]\\s*(\\d{4}|\\d{2}))?(?![\\d.])(?:\\s*((?:учебн[а-я]*|уч\\.)\\s*(?:год[а-я]*|г\\.?)))?)?";
const ORDINAL = "(?<![а-яa-z\\d])(iv|i{1,3}|[1-4]|перв[а-я]*|втор[а-я]*|трет[а-я]*|четверт[а-я]*)";
const ORDINAL_ENDING = "(?:\\s*-?\\s*(?:й|я|е|м|ый|ий|ой|ая|ое|ом|ем|ей))?";

function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function ordinal(text: string): number {
  if (/^\d$/.test(text)) return Number(text);
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
  if (roman[text]) return roman[text];
  if (text.startsWith("перв")) return 1;
  if (text.startsWith("втор")) return 2;
  if (text.startsWith("трет")) return 3;
  return 4;
}

/** The calendar year of `firstMonth` from a YEAR_SPEC's groups (a school year when two years or «учебного»). */
function yearSpec(m: RegExpMatchArray, group: number, firstMonth: number): { year?: number } {
  const first = m[group];
  if (!first) return {};
  const school = Boolean(m[group + 1] || m[group + 2]);
  return { year: school ? yearInSchoolYear(firstMonth, Number(first)) : Number(first) };
}

function monthSpan(first: number, last: number): (year: number) => [string, string] {
  return (year) => [isoDate(year, first, 1), lastDayOf(last < first ? year + 1 : year, last)];
}

function day(month: number, dayOfMonth: number, lastDay = dayOfMonth): (year: number) => [string, string] {
  return (year) => {
    const max = daysInMonth(year, month);
    return [isoDate(year, month, Math.min(dayOfMonth, max)), isoDate(year, month, Math.min(lastDay, max))];
  };
}

function validDay(month: number, dayOfMonth: number): boolean {
  return month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= daysInMonth(2000, month);
}

export const MATCHERS: readonly (readonly [string, Make])[] = [
  // ISO, as pasted: 2022-03-01
  [
    "(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)",
    (m) => {
      const month = Number(m[2]);
      const d = Number(m[3]);
      if (!validDay(month, d)) return null;
      return { unit: "day", firstMonth: month, year: Number(m[1]), build: day(month, d) };
    },
  ],
  // 26.01.2022, 26.01.22, 10.01 (without a year the month has two digits: «1.5 месяца» is no date)
  [
    "(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{4}|\\d{2}))?(?!\\d)",
    (m) => {
      const month = Number(m[2]);
      const d = Number(m[1]);
      if (!validDay(month, d)) return null;
      if (!m[3] && (m[2] ?? "").length < 2) return null;
      return { unit: "day", firstMonth: month, year: m[3] ? fullYear(m[3]) : undefined, build: day(month, d) };
    },
  ],
  // 10-15 января 2022, с 10 по 15 января
  [
    `(?<![\\d.])(\\d{1,2})\\s*(?:-|по|до)\\s*(\\d{1,2})\\s*${MONTH_SOURCE}(?:\\s*(\\d{4}))?`,
    (m) => {
      const month = monthNumber(m[3] ?? "");
      const first = Number(m[1]);
      const last = Number(m[2]);
      if (!validDay(month, first) || !validDay(month, last) || last < first) return null;
      return {
        unit: "day",
        firstMonth: month,
        year: m[4] ? Number(m[4]) : undefined,
        build: day(month, first, last),
        range: true,
      };
    },
  ],
  // 1 марта 2022, 25 мая
  [
    `(?<![\\d.])(\\d{1,2})\\s*${MONTH_SOURCE}(?:\\s*(\\d{4}))?`,
    (m) => {
      const month = monthNumber(m[2] ?? "");
      const d = Number(m[1]);
      if (!validDay(month, d)) return null;
      return { unit: "day", firstMonth: month, year: m[3] ? Number(m[3]) : undefined, build: day(month, d) };
    },
  ],
  // I квартал 2022, 2-е полугодие, IV четверть 2022-2023 учебного года
  [
    `${ORDINAL}${ORDINAL_ENDING}\\s+(?:учебн[а-я]*\\s+)?(квартал|полугоди|четверт)[а-я]*(?![а-я])${YEAR_SPEC}`,
    (m, context) => {
      const n = ordinal(m[1] ?? "");
      const kind = m[2];
      let span: { first: number; last: number } | undefined;
      if (kind === "квартал") span = { first: 3 * n - 2, last: 3 * n };
      else if (kind === "четверт") span = TERMS[n - 1];
      else {
        // «I полугодие 2022-2023 учебного года», or named with the terms («по итогам I четверти и
        // I полугодия»): the school year's half.
        const school = context.academic || Boolean(m[4] || m[5]) || /четверт|учебн/.test(m.input ?? "");
        span = (school ? SCHOOL_HALVES : CALENDAR_HALVES)[n - 1];
      }
      if (!span) return null;
      return {
        unit: "month",
        firstMonth: span.first,
        ...yearSpec(m, 3, span.first),
        build: monthSpan(span.first, span.last),
      };
    },
  ],
  // Январь 2022, в марте, сентябрь 2022-2023 учебного года
  [
    `${MONTH_SOURCE}${YEAR_SPEC}`,
    (m) => {
      const month = monthNumber(m[1] ?? "");
      return { unit: "month", firstMonth: month, ...yearSpec(m, 2, month), build: monthSpan(month, month) };
    },
  ],
  // весна 2022, летом, в осенний период
  [
    `${SEASON_SOURCE}(?:\\s*(\\d{4}))?`,
    (m) => {
      const { first, last } = seasonMonths(m[1] ?? "");
      return { unit: "month", firstMonth: first, year: m[2] ? Number(m[2]) : undefined, build: monthSpan(first, last) };
    },
  ],
  // 2022-2023 учебный год, 2022/2023 уч. г., 2022/23
  [
    "(?<![\\d.])(\\d{4})\\s*(?:(?:-|/)\\s*(\\d{4}|\\d{2})\\s*(?:учебн[а-я]*|уч\\.)\\s*(?:год[а-я]*|г\\.?)|/\\s*(\\d{4}|\\d{2}))(?![\\d])",
    (m) => {
      const start = Number(m[1]);
      let end = fullYear(m[2] ?? m[3] ?? "");
      if (end < start || end > start + 10) end = start + 1;
      return { unit: "year", fixed: schoolYearBounds(start, end) };
    },
  ],
  // в течение года, в течение всего календарного года, по итогам года (the document's year)
  [
    "(в течение|по итогам|до конца|к концу|по окончании|по завершении)\\s+(?:всего\\s+|текущего\\s+)?(календарного\\s+)?года(?![а-я])",
    (m, context) => {
      const fixed: [string, string] =
        m[2] && context.academic
          ? [isoDate(context.year, 1, 1), isoDate(context.year, 12, 31)]
          : documentPeriod(context);
      return { unit: "year", fixed, mode: m[1] === "в течение" ? "during" : "untilEnd", contextual: true };
    },
  ],
  // учебный год (the document's)
  [
    "(?<![а-я])(?:учебн[а-я]*|уч\\.)\\s*(?:год[а-я]*|г\\.)(?![а-я])",
    (_m, context) => ({
      unit: "year",
      fixed: schoolYearBounds(contextSchoolYear(context)),
      contextual: true,
      school: true,
    }),
  ],
  // 2022-2024
  [
    "(?<![\\d.])((?:19|20)\\d{2})\\s*-\\s*((?:19|20)\\d{2})(?![\\d.])",
    (m) => {
      const first = Number(m[1]);
      const last = Number(m[2]);
      if (last < first) return null;
      return { unit: "year", fixed: [isoDate(first, 1, 1), isoDate(last, 12, 31)] };
    },
  ],
  // 2022
  [
    "(?<![\\d./-])((?:19|20)\\d{2})(?![\\d.])",
    (m) => {
      const year = Number(m[1]);
      return { unit: "year", fixed: [isoDate(year, 1, 1), isoDate(year, 12, 31)] };
    },
  ],
];
