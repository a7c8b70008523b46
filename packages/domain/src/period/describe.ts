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

/** Russian, short, for a tooltip: «до 31.01.2022», «ежеквартально, до 31.12.2022», «в течение 2022 г.». */
export function describePeriod(meaning: PeriodMeaning): string {
  switch (meaning.kind) {
    case "due":
      return span(meaning.from, meaning.due);
    case "recurring": {
      const base = meaning.timesPer ? `${times(meaning.timesPer)} ${PER[meaning.every]}` : EVERY[meaning.every];
      const bounds = meaning.until ? during(meaning.from, meaning.until) : span(meaning.from, undefined);
      return bounds ? `${base}, ${bounds}` : base;
    }
    case "ongoing":
      return during(meaning.from, meaning.until);
    case "asNeeded":
      return "по мере необходимости";
    case "event":
      return `без даты: ${meaning.event}`;
    case "unknown":
      return "срок не распознан";
  }
}
