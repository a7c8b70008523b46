import { addDays, isoDate, maxIso, minIso, parts } from "./calendar.ts";
import { type DateMatch, findDates } from "./dates.ts";
import { normalizePeriodText, tidyText } from "./normalize.ts";
import { findRecurrence } from "./recurrence.ts";
import { documentPeriod } from "./schoolYear.ts";
import type { PeriodContext, PeriodMeaning } from "./types.ts";

const UNKNOWN: PeriodMeaning = { kind: "unknown" };

const AS_NEEDED = /по мере (?:необходимости|потребности|надобности)|(?:при|по) (?:необходимости|потребности)/;

/** Continuous work over the document's period (or over the dates named with it). */
const ALWAYS =
  /(?<![а-я])(?:постоянно|ежедневно|систематически|регулярно|круглогодично|весь период|(?:в течение|на протяжении) (?:всего )?(?:периода|срока))(?![а-я])/;

/** Tied to something that has no date of its own: a result, a schedule kept elsewhere, an agreement. */
const EVENT = new RegExp(
  "(?<![а-я])(?:по итогам|по результатам|после|по окончании|по завершении|по графику|по плану|согласно|" +
    "в соответствии|по согласованию|по запросу|по приказу|по распоряжению|по решению|по указанию|по требованию|" +
    "перед|накануне|в период|в дни|в день|в ходе|во время|в рамках|по факту|в сроки|в установленные сроки|" +
    "по срокам|по мере поступления|по приглашению|при получении|по готовности)(?![а-я])",
);

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

function recurring(text: string, dates: readonly DateMatch[]): PeriodMeaning | null {
  const recurrence = findRecurrence(text);
  if (!recurrence) return null;
  // «по итогам … учебного года» names the school year as an occasion, not as the recurrence's span.
  const bounds = dates.filter((d) => !(d.contextual && d.mode === "in"));
  let from: string | undefined;
  let until: string | undefined;
  for (const d of bounds) {
    if (opensSpan(d)) from = from ? minIso(from, d.from) : d.from;
    if (d.mode !== "since") until = until ? maxIso(until, endOf(d)) : endOf(d);
  }
  return {
    kind: "recurring",
    ...recurrence,
    ...(from && (!until || from < until) ? { from } : {}),
    ...(until ? { until } : {}),
  };
}

function dated(dates: readonly DateMatch[], context: PeriodContext, always: boolean): PeriodMeaning | null {
  if (dates.length === 0) return null;
  const [, documentEnd] = documentPeriod(context);
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
  // A single day, month, quarter or term is a deadline («Январь 2022 г.» → due 31.01.2022); a range,
  // a list or a time frame also says when the work starts.
  const single = dates.length === 1 && !dates[0]?.range && !ongoing;
  const withFrom = from !== undefined && from < due && !single ? { from } : {};
  return ongoing ? { kind: "ongoing", ...withFrom, until: due } : { kind: "due", ...withFrom, due };
}

/**
 * The meaning of a Сроки text. Never throws: text it cannot read is `unknown`, which is valid.
 * Order: a recurrence («ежемесячно», «не реже 1 раза в четверть»), «по мере необходимости»,
 * dates and periods (a list or «с … по …» gives the earliest start and the latest end; a year or
 * «в течение …» makes it ongoing), an event without a date, else unknown.
 */
export function parsePeriod(text: string | null | undefined, context: PeriodContext): PeriodMeaning {
  if (typeof text !== "string") return UNKNOWN;
  const normalized = normalizePeriodText(text);
  if (!normalized) return UNKNOWN;
  const dates = findDates(normalized, context);
  const recurrence = recurring(normalized, dates);
  if (recurrence) return recurrence;
  if (AS_NEEDED.test(normalized)) return { kind: "asNeeded" };
  const always = ALWAYS.test(normalized);
  const meaning = dated(dates, context, always);
  if (meaning) return meaning;
  if (always) {
    const [from, until] = documentPeriod(context);
    return { kind: "ongoing", from, until };
  }
  if (EVENT.test(normalized)) return { kind: "event", event: tidyText(text) };
  return UNKNOWN;
}

/** Whether a text reads as a date or a deadline (for date-like Сроки columns such as «Дата»). */
export function readsAsDate(text: string, context: PeriodContext): boolean {
  return parsePeriod(text, context).kind === "due";
}
