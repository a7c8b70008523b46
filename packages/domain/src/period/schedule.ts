import { addDays, isoDate, lastDayOf, parts } from "./calendar.ts";
import type { PeriodMeaning, RecurrenceUnit } from "./types.ts";

/**
 * The last day of the period (week to Sunday, month, quarter, term, half-year, year) holding `date`.
 * `school`: half-years and years are the school year's (schoolYear.ts): half-years end 31.12 and
 * 31.05, the year 31.05; the summer waits for the next one.
 */
function periodEnd(every: RecurrenceUnit, date: string, school: boolean): string {
  const { year, month } = parts(date);
  switch (every) {
    case "week": {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
      return addDays(date, (7 - weekday) % 7);
    }
    case "month":
      return lastDayOf(year, month);
    case "quarter":
      return lastDayOf(year, Math.ceil(month / 3) * 3);
    case "term":
      // Terms end 31.03, 31.05, 31.10, 31.12; the summer waits for the end of term I.
      if (month <= 3) return isoDate(year, 3, 31);
      if (month <= 5) return isoDate(year, 5, 31);
      if (month <= 10) return isoDate(year, 10, 31);
      return isoDate(year, 12, 31);
    case "halfYear":
      if (school) return month <= 5 ? isoDate(year, 5, 31) : isoDate(year, 12, 31);
      return month <= 6 ? isoDate(year, 6, 30) : isoDate(year, 12, 31);
    case "year":
      if (school) return month <= 5 ? isoDate(year, 5, 31) : isoDate(year + 1, 5, 31);
      return isoDate(year, 12, 31);
  }
}

/**
 * The next deadline on or after `today` (ISO), or null (asNeeded/event/unknown, or nothing left).
 * due: `due` (with `dates`, the first event not yet past). ongoing: `until`, nothing earlier
 * («в течение учебного года» in a 2022 document: 31.12.2022). recurring: the end of the current
 * period, never past `until`. Null exactly when `isOverdue` (not done) holds or nothing can be late.
 */
export function nextDueDate(meaning: PeriodMeaning, today: string): string | null {
  switch (meaning.kind) {
    case "due":
      if (today > meaning.due) return null;
      return meaning.dates?.find((date) => date >= today) ?? meaning.due;
    case "ongoing":
      return today <= meaning.until ? meaning.until : null;
    case "recurring": {
      const start = meaning.from && meaning.from > today ? meaning.from : today;
      if (meaning.until && start > meaning.until) return null;
      const end = periodEnd(meaning.every, start, meaning.schoolYear === true);
      return meaning.until && end > meaning.until ? meaning.until : end;
    }
    default:
      return null;
  }
}

/**
 * The day after which a measure not done is overdue: due: `due` (with several `dates`, the last:
 * one status covers them all). ongoing: `until` (a school-year part ends with it). recurring: its
 * `until` (a recurrence without an end is never overdue as a whole). Others: null, never overdue.
 * A read model keeps this date instead of the text, so overdue is a comparison with today.
 */
export function lastDeadline(meaning: PeriodMeaning): string | null {
  switch (meaning.kind) {
    case "due":
      return meaning.due;
    case "ongoing":
      return meaning.until;
    case "recurring":
      return meaning.until ?? null;
    default:
      return null;
  }
}

/** Overdue: not done and the last deadline (`lastDeadline`) has passed. */
export function isOverdue(meaning: PeriodMeaning, done: boolean, today: string): boolean {
  if (done) return false;
  const deadline = lastDeadline(meaning);
  return deadline !== null && today > deadline;
}
