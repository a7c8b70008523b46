import { type Found, MATCHERS } from "./patterns.ts";
import { documentPeriod, schoolYearBounds } from "./schoolYear.ts";
import type { PeriodContext } from "./types.ts";

/**
 * Time expressions found in a normalized Сроки text, before they are combined into a meaning:
 * a day («26.01.2022», «1 марта»), a month, a quarter, half-year or term, a season, a year,
 * a range of years or a school year.
 */
export type MatchUnit = "day" | "month" | "year";

/**
 * How the words before an expression bound it: `in` the expression itself, `untilEnd` «до конца»,
 * «не позднее», «по» (its end), `before` «до», «к» (a day itself; the day before a month or term
 * starts; a year's end, as in «до 2024 года»), `byStart` «к началу» (its first day), `beforeStart`
 * «до начала» (the day before), `during` «в течение», `since` «с», «начиная с», «после», «не ранее».
 */
export type MatchMode = "in" | "untilEnd" | "before" | "byStart" | "beforeStart" | "during" | "since";

export interface DateMatch {
  readonly start: number;
  readonly end: number;
  readonly unit: MatchUnit;
  readonly from: string;
  readonly to: string;
  readonly mode: MatchMode;
  /** A year taken from the document, not from the text («учебный год», «в течение года»). */
  readonly contextual: boolean;
  /** Two ends given: «с 10.01 по 15.02», «март-апрель», «10-15 января». */
  readonly range: boolean;
  /**
   * «в течение учебного года» in a calendar-year document: the school-year part of that year
   * (`from`–`to` is the whole year; the summer is off).
   */
  readonly schoolPart: boolean;
  /** «по итогам 2021 года»: the period is the occasion; the work comes after it ends, no one knows when. */
  readonly occasion: boolean;
}

/** «приказ от 21.01.2022», «приказ 21.01.2022 № 156»: a reference to a document, not a deadline. */
const REFERENCE = /(?:^|[^а-я])(?:от|№|приказ[а-я]*|распоряжени[а-я]*|письм[а-я]*|протокол[а-я]*)\s*$/;
const REFERENCE_AFTER = /^\s*№/;

const OCCASION = /(?:^|[^а-я])(?:по итогам|по результатам|по окончании|по завершении)\s*$/;

/**
 * «в начале учебного года», «в середине года», «накануне учебного года»: somewhere near a period the
 * document's context names, no one knows when. Unsure, so no date (contextual matches only).
 */
const VAGUE = /(?:^|[^а-я])(?:в начале|в середине|накануне|перед|в преддверии)\s*$/;

const MODES: readonly (readonly [RegExp, MatchMode | "ignore"])[] = [
  [REFERENCE, "ignore"],
  [
    /(?:^|[^а-я])(?:до конца|к концу|в конце|до окончания|к окончанию|не позднее|не позже|по|по итогам|по результатам|по окончании|по завершении)\s*$/,
    "untilEnd",
  ],
  [/(?:^|[^а-я])к началу\s*$/, "byStart"],
  [/(?:^|[^а-я])(?:до начала|перед началом)\s*$/, "beforeStart"],
  [/(?:^|[^а-я])(?:в срок до|до|к|ко)\s*$/, "before"],
  [/(?:^|[^а-я])(?:в течение|на протяжении)(?: всего| всей)?\s*$/, "during"],
  [/(?:^|[^а-я])(?:с|со|начиная с|после|не ранее|не раньше)\s*$/, "since"],
];

function modeOf(before: string): MatchMode | "ignore" {
  for (const [pattern, mode] of MODES) if (pattern.test(before)) return mode;
  return "in";
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
}

function findAll(text: string, context: PeriodContext): Found[] {
  let work = text;
  const found: Found[] = [];
  for (const [source, make] of MATCHERS) {
    const spans: [number, number][] = [];
    for (const m of work.matchAll(new RegExp(source, "g"))) {
      const made = make(m, context);
      if (!made) continue;
      const start = m.index ?? 0;
      found.push({ ...made, start, end: start + m[0].length });
      spans.push([start, start + m[0].length]);
    }
    for (const [start, end] of spans) work = blank(work, start, end);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A month-like match without a year takes it from the nearest one that has it, else from the document. */
function resolveYears(found: readonly Found[], context: PeriodContext): void {
  const named = found.filter((f) => f.build && f.year !== undefined);
  for (const f of found) {
    if (!f.build || f.year !== undefined || f.firstMonth === undefined) continue;
    const month = f.firstMonth;
    f.inferred = true;
    const next = named.find((n) => n.start > f.start);
    const prev = named.findLast((n) => n.start < f.start);
    if (next?.year !== undefined && next.firstMonth !== undefined) {
      f.year = month > next.firstMonth ? next.year - 1 : next.year;
    } else if (prev?.year !== undefined && prev.firstMonth !== undefined) {
      f.year = month < prev.firstMonth ? prev.year + 1 : prev.year;
    } else if (!context.academic) {
      f.year = context.year;
    } else {
      f.year = month >= 9 ? context.year : context.year + 1;
    }
  }
}

const RANGE_GAP = /^\s*(?:-|по|до)\s*$/;

/** Every time expression of a normalized text, with its bounds; «с X по Y», «X-Y» joined into one. */
export function findDates(text: string, context: PeriodContext): DateMatch[] {
  const found = findAll(text, context);
  resolveYears(found, context);
  const out: DateMatch[] = [];
  let previousEnd = 0;
  for (const f of found) {
    const before = text.slice(previousEnd, f.start);
    previousEnd = f.end;
    const mode = f.mode ?? modeOf(before);
    if (mode === "ignore" || REFERENCE_AFTER.test(text.slice(f.end))) continue;
    if (f.contextual && mode === "in" && VAGUE.test(before)) continue;
    let [from, to] = f.fixed ?? f.build?.(f.year ?? context.year) ?? ["", ""];
    if (f.contextual && !context.academic && (mode === "byStart" || mode === "beforeStart")) {
      // «к началу учебного года» in a calendar document: the school year starting in its year.
      [from, to] = schoolYearBounds(context.year);
    }
    // «в течение учебного года» in a document for a calendar year: the school months of that year
    // (January–May and September–December), not the school year that ends in its May.
    const schoolPart = Boolean(f.school) && !context.academic && (mode === "during" || mode === "in");
    if (schoolPart) [from, to] = documentPeriod(context);
    const last = out.at(-1);
    if (last && RANGE_GAP.test(before) && from < last.from && f.inferred && f.build && f.year !== undefined) {
      [from, to] = f.build(f.year + 1); // «ноябрь-февраль»: February of the next year
    }
    if (last && RANGE_GAP.test(before) && from >= last.from) {
      out[out.length - 1] = {
        ...last,
        end: f.end,
        to,
        unit: last.unit === f.unit ? last.unit : "month",
        mode: last.mode === "since" ? "in" : last.mode,
        contextual: false,
        range: true,
        schoolPart: false,
        occasion: false,
      };
      continue;
    }
    out.push({
      start: f.start,
      end: f.end,
      unit: f.unit,
      from,
      to,
      mode: f.range && mode === "since" ? "in" : mode, // «с 1 по 15 сентября»
      contextual: Boolean(f.contextual),
      range: Boolean(f.range),
      schoolPart,
      occasion: OCCASION.test(before),
    });
  }
  return out;
}
