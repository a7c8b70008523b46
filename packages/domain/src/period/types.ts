/** What the parser needs to know about the document a Сроки cell belongs to. */
export interface PeriodContext {
  /** Calendar year the document is for (document meta `year`), used when the text names no year. */
  readonly year: number;
  /** School-year documents: months Sep–Dec fall in `year`, Jan–Aug in `year + 1`. Default false. */
  readonly academic?: boolean;
}

/** How often a recurring measure comes back. */
export type RecurrenceUnit = "week" | "month" | "quarter" | "term" | "halfYear" | "year";

/**
 * The meaning derived from a Сроки text (the text itself is stored unchanged elsewhere).
 * Dates are ISO (YYYY-MM-DD). Where the parser is unsure it derives nothing (`unknown`, or an
 * `event` without a date): a wrong deadline is worse than none, since an overdue mark accuses.
 *
 * `note` is what the text says besides its time, as typed: «Январь 2022 г. согласно плану работы»
 * is due 31.01.2022 with the note «согласно плану работы».
 *
 * `schoolYear` (see schoolYear.ts): a recurrence's half-years and years are the school year's
 * (half-years end 31.12 and 31.05, the year ends 31.05), and an ongoing span or a recurrence's
 * bounds are the school months within them. «В течение учебного года» in a document for the
 * calendar year 2022 is the school-year part of 2022 (January–May and September–December):
 * ongoing from 01.01.2022 until 31.12.2022, nothing due before the span ends.
 */
export type PeriodMeaning =
  /**
   * A deadline: a date, a month (from its first day), a range, a quarter, «до 01.03.2022».
   * A list of separate dates or months («Декабрь 2023г. Ноябрь 2024г.») is that many events:
   * `dates` holds each one's deadline in order, `due` is the last, there is no `from`.
   */
  | { kind: "due"; from?: string; due: string; dates?: readonly string[]; note?: string }
  /** «ежемесячно», «не реже 1 раза в четверть», «2 раза в год»; `timesPer` only when more than once. */
  | {
      kind: "recurring";
      every: RecurrenceUnit;
      timesPer?: number;
      from?: string;
      until?: string;
      schoolYear?: true;
      note?: string;
    }
  /** «в течение года», «в течение 2022 года», «постоянно», «в течение учебного года». */
  | { kind: "ongoing"; from?: string; until: string; schoolYear?: true; note?: string }
  /** «по мере необходимости». */
  | { kind: "asNeeded" }
  /** Tied to an event without a date: «по итогам ВПР», «по графику МКУО ЦОКО»; `event` is the text, trimmed. */
  | { kind: "event"; event: string }
  | { kind: "unknown" };
