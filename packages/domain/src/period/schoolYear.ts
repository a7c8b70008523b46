import { isoDate, lastDayOf } from "./calendar.ts";
import type { PeriodContext } from "./types.ts";

/**
 * School terms and the school year, as this product reads them (real dates vary by region and
 * school; holidays are ignored, a term simply ends on its last month's last day):
 * - Четверти: I 01.09–31.10, II 01.11–31.12, III 01.01–31.03, IV 01.04–31.05.
 * - The school year runs 01.09–31.05 (the end of term IV); the summer is not a deadline.
 * - Полугодия: in a school-year document, or with a school year named («II полугодие 2022-2023
 *   учебного года»), I is 01.09–31.12 and II 01.01–31.05; otherwise calendar halves (I Jan–Jun,
 *   II Jul–Dec).
 * - A school-year document (`academic`) for `year` covers the school year year/year+1.
 * - A calendar document for `year`: a month or term named without a year falls within `year`.
 *   «учебный год» without numbers, as a time frame («в течение учебного года», «в учебном году»,
 *   «4 раза в течение учебного года»), is the school-year part of `year`: its school months
 *   (January–May and September–December), ongoing from 01.01 to 31.12, nothing due before the end
 *   (`schoolYear` on the meaning). Seed 002, a roadmap «на 2022 год» of January 2022, means the
 *   work of 2022, not a deadline on 31.05.2022 that would make it all overdue in June. As a deadline
 *   («до конца учебного года», «по итогам учебного года») it is the school year ending in `year`
 *   (31.05.`year`); «к началу учебного года» is the one starting in `year`. Dates the text names
 *   itself win over the frame: «март-апрель 2022 года, в течение учебного года» is March–April.
 * - Recurrences by half-year or year read the school year's when the text says «учебный» or the
 *   document is for a school year: «по итогам полугодия и учебного года» falls due on 31.12 and
 *   31.05, not on 30.06.
 */
export const TERMS: readonly { readonly first: number; readonly last: number }[] = [
  { first: 9, last: 10 },
  { first: 11, last: 12 },
  { first: 1, last: 3 },
  { first: 4, last: 5 },
];

export const SCHOOL_HALVES = [
  { first: 9, last: 12 },
  { first: 1, last: 5 },
] as const;

export const CALENDAR_HALVES = [
  { first: 1, last: 6 },
  { first: 7, last: 12 },
] as const;

/** The first calendar year of the school year a document means by «учебный год». */
export function contextSchoolYear(context: PeriodContext): number {
  return context.academic ? context.year : context.year - 1;
}

/** 01.09 of `start` to 31.05 of the last school year's end (`end`, default start + 1). */
export function schoolYearBounds(start: number, end = start + 1): [string, string] {
  return [isoDate(start, 9, 1), lastDayOf(end, 5)];
}

/** The whole period a document is for: its calendar year, or its school year. */
export function documentPeriod(context: PeriodContext): [string, string] {
  if (context.academic) return schoolYearBounds(context.year);
  return [isoDate(context.year, 1, 1), isoDate(context.year, 12, 31)];
}

/** The calendar year of a month named without a year. */
export function yearOfMonth(month: number, context: PeriodContext): number {
  if (!context.academic) return context.year;
  return month >= 9 ? context.year : context.year + 1;
}

/** The calendar year of a month in the school year starting in `start`. */
export function yearInSchoolYear(month: number, start: number): number {
  return month >= 9 ? start : start + 1;
}
