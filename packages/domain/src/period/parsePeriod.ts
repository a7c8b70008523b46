import { addDays, isoDate, maxIso, minIso, parts } from "./calendar.ts";
import { type DateMatch, findDates } from "./dates.ts";
import { normalizePeriodText, tidyText } from "./normalize.ts";
import { continuationOf, EVENT } from "./note.ts";
import { findRecurrence } from "./recurrence.ts";
import { documentPeriod } from "./schoolYear.ts";
import type { PeriodContext, PeriodMeaning } from "./types.ts";

const UNKNOWN: PeriodMeaning = { kind: "unknown" };

const AS_NEEDED = /по мере (?:необходимости|потребности|надобности)|(?:при|по) (?:необходимости|потребности)/;

/** Continuous work over the document's period (or over the dates named with it). */
const ALWAYS =
  /(?<![а-я])(?:постоянно|ежедневно|систематически|регулярно|круглогодично|весь период|(?:в течение|на протяжении) (?:всего )?(?:периода|срока))(?![а-я])/;

/**
 * A deadline counted from a date: «за 2 недели до начала учебного года», «через месяц после
 * 01.03.2022», «в течение 10 дней с 01.03.2022». The date named is not the deadline: unsure.
 */
const OFFSET =
  /(?<![а-я])(?:за|через|в течение|не позднее|не позже|не ранее)\s+(?:[а-я\d-]+\s+){0,2}(?:дн[а-я]*|день|сут[а-я]*|недел[а-я]*|месяц[а-я]*)\s+(?:до|после|с|со|от)(?![а-я])/;

/** The last day a match allows. */
function endOf(d: DateMatch): string {
  switch (d.mode) {
    case "before":
      if (d.unit === "day") return d.from;
      return d.unit === "year" ? d.to : addDays(d.from, -1);
    case "byStart":
      return d.from;
    case "beforeStart":
      return addDays(d.from, -1);
    default:
      return d.to;
  }
}

function opensSpan(d: DateMatch): boolean {
  return d.mode === "in" || d.mode === "during" || d.mode === "since";
}

/**
 * The dates the text names itself win over a time frame taken from the document: «март-апрель
 * 2022 года, в течение учебного года» is March–April. A deadline from the document («до конца
 * учебного года») stays.
 */
function ownDates(dates: readonly DateMatch[]): readonly DateMatch[] {
  const frame = (d: DateMatch) => d.contextual && (d.mode === "in" || d.mode === "during");
  return dates.some((d) => !d.contextual) ? dates.filter((d) => !frame(d)) : dates;
}

/** Half-years and years of the school year: the text says «учебный», or the document is for a school year. */
const SCHOOL_WORD = /(?<![а-я])(?:учебн|уч\.)/;

function recurring(text: string, dates: readonly DateMatch[], context: PeriodContext): PeriodMeaning | null {
  const recurrence = findRecurrence(text);
  if (!recurrence) return null;
  // «по итогам … учебного года» names the school year as an occasion, not as the recurrence's span.
  const bounds = ownDates(dates).filter((d) => !(d.contextual && d.mode === "in"));
  let from: string | undefined;
  let until: string | undefined;
  for (const d of bounds) {
    if (opensSpan(d)) from = from ? minIso(from, d.from) : d.from;
    if (d.mode !== "since") until = until ? maxIso(until, endOf(d)) : endOf(d);
  }
  const longUnit = recurrence.every === "halfYear" || recurrence.every === "year";
  const school = bounds.some((d) => d.schoolPart) || (longUnit && (context.academic || SCHOOL_WORD.test(text)));
  return {
    kind: "recurring",
    ...recurrence,
    ...(from && (!until || from < until) ? { from } : {}),
    ...(until ? { until } : {}),
    ...(school ? { schoolYear: true } : {}),
  };
}

/** A single day, month, quarter or term named as it is, or with «до», «к», «не позднее». */
function isPoint(d: DateMatch): boolean {
  return !d.range && !d.contextual && d.unit !== "year" && d.mode !== "since" && d.mode !== "during";
}

/**
 * Several separate days or months («Декабрь 2023г. Ноябрь 2024г.», the six seminar dates of one
 * cell) are that many events, not one span from the first to the last.
 */
function separateEvents(dates: readonly DateMatch[]): PeriodMeaning | null {
  if (dates.length < 2 || !dates.every(isPoint)) return null;
  const ends = [...new Set(dates.map(endOf))].sort();
  const due = ends.at(-1) ?? "";
  return ends.length > 1 ? { kind: "due", due, dates: ends } : { kind: "due", due };
}

function dated(all: readonly DateMatch[], context: PeriodContext, always: boolean): PeriodMeaning | null {
  const dates = ownDates(all);
  if (dates.length === 0) return null;
  const [documentStart, documentEnd] = documentPeriod(context);
  // «по итогам 2021 года» in a document for 2022: after a period that ended before the document,
  // at a time the text does not say. Not a deadline that passed before the work began.
  if (dates.some((d) => d.occasion && endOf(d) < documentStart)) return null;
  if (!always) {
    const events = separateEvents(dates);
    if (events) return events;
  }
  let from: string | undefined;
  let due = "";
  let ongoing = always;
  for (const d of dates) {
    if (opensSpan(d)) from = from ? minIso(from, d.from) : d.from;
    if (d.mode === "since") {
      // «с 01.09.2022»: from then on, to the end of the document's period (or of that year).
      ongoing = true;
      due = maxIso(due, documentEnd >= d.from ? documentEnd : isoDate(parts(d.from).year, 12, 31));
      continue;
    }
    due = maxIso(due, endOf(d));
    // A year, a range of years or a school year is a time frame, not a deadline.
    if (d.mode === "during" || (d.unit === "year" && d.mode === "in")) ongoing = true;
  }
  // A single day, month, quarter or term is a deadline («Январь 2022 г.» → due 31.01.2022); a range
  // or a time frame also says when the work starts.
  const single = dates.length === 1 && !dates[0]?.range && !ongoing;
  const withFrom = from !== undefined && from < due && !single ? { from } : {};
  if (!ongoing) return { kind: "due", ...withFrom, due };
  // «в течение учебного года» in a calendar-year document: the school months of that year.
  const school = dates.some((d) => d.schoolPart) ? { schoolYear: true as const } : {};
  return { kind: "ongoing", ...withFrom, until: due, ...school };
}

/** A meaning with a time gets what the text says besides it («согласно плану работы»). */
function withNote(meaning: PeriodMeaning, text: string): PeriodMeaning {
  if (meaning.kind !== "due" && meaning.kind !== "ongoing" && meaning.kind !== "recurring") return meaning;
  const note = continuationOf(text);
  return note ? { ...meaning, note } : meaning;
}

/**
 * The meaning of a Сроки text. Never throws: text it cannot read is `unknown`, which is valid.
 * Where it is unsure it derives nothing (`unknown`, or an `event` without a date): a wrong
 * deadline is worse than none, since an overdue mark accuses. Order: a recurrence
 * («ежемесячно», «не реже 1 раза в четверть»), «по мере необходимости», dates and periods
 * («с … по …» gives a span; separate dates are separate events; a year or «в течение …» makes
 * it ongoing; the text's own dates win over the document's «учебный год»), an event without a
 * date, else unknown. A meaning with a time carries what the text says besides it as `note`.
 */
export function parsePeriod(text: string | null | undefined, context: PeriodContext): PeriodMeaning {
  if (typeof text !== "string") return UNKNOWN;
  const normalized = normalizePeriodText(text);
  if (!normalized) return UNKNOWN;
  const dates = findDates(normalized, context);
  const recurrence = recurring(normalized, dates, context);
  if (recurrence) return withNote(recurrence, text);
  if (AS_NEEDED.test(normalized)) return { kind: "asNeeded" };
  const always = ALWAYS.test(normalized);
  const meaning = OFFSET.test(normalized) ? null : dated(dates, context, always);
  if (meaning) return withNote(meaning, text);
  if (always) {
    const [from, until] = documentPeriod(context);
    return withNote({ kind: "ongoing", from, until }, text);
  }
  if (EVENT.test(normalized)) return { kind: "event", event: tidyText(text) };
  return UNKNOWN;
}

/**
 * Whether a text says when (for date-like Сроки columns such as the seminar plan's «Дата»): a date
 * or a deadline, a time frame («В течение года») or a recurrence. «по согласованию», «по мере
 * необходимости» and text the parser cannot read do not.
 */
export function readsAsDate(text: string, context: PeriodContext): boolean {
  const { kind } = parsePeriod(text, context);
  return kind === "due" || kind === "ongoing" || kind === "recurring";
}
