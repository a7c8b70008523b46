import { formatRu, parts } from "./calendar.ts";
import type { PeriodMeaning, RecurrenceUnit } from "./types.ts";

const EVERY: Record<RecurrenceUnit, string> = {
  week: "еженедельно",
  month: "ежемесячно",
  quarter: "ежеквартально",
  term: "каждую четверть",
  halfYear: "каждое полугодие",
  year: "ежегодно",
};

const PER: Record<RecurrenceUnit, string> = {
  week: "в неделю",
  month: "в месяц",
  quarter: "в квартал",
  term: "в четверть",
  halfYear: "в полугодие",
  year: "в год",
};

/** The school year's half-years and years (`schoolYear`). */
const SCHOOL_EVERY: Partial<Record<RecurrenceUnit, string>> = {
  halfYear: "каждое учебное полугодие",
  year: "каждый учебный год",
};

const SCHOOL_PER: Partial<Record<RecurrenceUnit, string>> = {
  halfYear: "в учебное полугодие",
  year: "в учебный год",
};

/** «2 раза», «5 раз», «22 раза». */
function times(n: number): string {
  const last = n % 10;
  const few = last >= 2 && last <= 4 && (n % 100 < 12 || n % 100 > 14);
  return `${n} ${few ? "раза" : "раз"}`;
}

function span(from: string | undefined, until: string | undefined): string {
  if (from && until) return `с ${formatRu(from)} по ${formatRu(until)}`;
  if (until) return `до ${formatRu(until)}`;
  return from ? `с ${formatRu(from)}` : "";
}

function during(from: string | undefined, until: string): string {
  const end = parts(until);
  if (from) {
    const start = parts(from);
    if (from.endsWith("-01-01") && until.endsWith("-12-31")) {
      return start.year === end.year ? `в течение ${end.year} г.` : `в течение ${start.year}–${end.year} гг.`;
    }
    if (from.endsWith("-09-01") && until.endsWith("-05-31") && end.year === start.year + 1) {
      return `в течение ${start.year}/${end.year} учебного года`;
    }
  }
  return span(from, until);
}

/** The school months within one calendar year: «в пределах 2022 г.»; else the span. */
function withinYear(from: string | undefined, until: string): string | null {
  if (!from?.endsWith("-01-01") || !until.endsWith("-12-31")) return null;
  const year = parts(until).year;
  return parts(from).year === year ? `в пределах ${year} г.` : null;
}

/** «до 31.12.2023 и до 30.11.2024», «до 26.01.2022, до 28.02.2022 и до 16.03.2022». */
function events(dates: readonly string[]): string {
  const each = dates.map((date) => `до ${formatRu(date)}`);
  const last = each.pop();
  return each.length > 0 ? `${each.join(", ")} и ${last}` : (last ?? "");
}

function recurrence(meaning: Extract<PeriodMeaning, { kind: "recurring" }>): string {
  const school = meaning.schoolYear === true;
  const per = (school && SCHOOL_PER[meaning.every]) || PER[meaning.every];
  const base = meaning.timesPer
    ? `${times(meaning.timesPer)} ${per}`
    : (school && SCHOOL_EVERY[meaning.every]) || EVERY[meaning.every];
  if (!meaning.until) {
    const start = span(meaning.from, undefined);
    return start ? `${base}, ${start}` : base;
  }
  const part = school ? withinYear(meaning.from, meaning.until) : null;
  if (!part) return `${base}, ${during(meaning.from, meaning.until)}`;
  // The unit says «учебный» already, or else the bounds do.
  return SCHOOL_EVERY[meaning.every] ? `${base}, ${part}` : `${base}, в течение учебного года, ${part}`;
}

function withNote(text: string, note: string | undefined): string {
  return note ? `${text}, ${note}` : text;
}

/**
 * Russian, short, for a tooltip: «до 31.01.2022», «ежеквартально, до 31.12.2022», «в течение 2022 г.»,
 * «в течение учебного года, в пределах 2022 г.», «до 31.01.2022, согласно плану работы».
 */
export function describePeriod(meaning: PeriodMeaning): string {
  switch (meaning.kind) {
    case "due":
      return withNote(meaning.dates ? events(meaning.dates) : span(meaning.from, meaning.due), meaning.note);
    case "recurring":
      return withNote(recurrence(meaning), meaning.note);
    case "ongoing": {
      const part = meaning.schoolYear ? withinYear(meaning.from, meaning.until) : null;
      return withNote(part ? `в течение учебного года, ${part}` : during(meaning.from, meaning.until), meaning.note);
    }
    case "asNeeded":
      return "по мере необходимости";
    case "event":
      return `без даты: ${meaning.event}`;
    case "unknown":
      return "срок не распознан";
  }
}
