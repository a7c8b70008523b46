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
 * Dates are ISO (YYYY-MM-DD).
 */
export type PeriodMeaning =
  /** A deadline: a date, a month (from its first day), a range, a quarter, «до 01.03.2022», a list of dates. */
  | { kind: "due"; from?: string; due: string }
  /** «ежемесячно», «не реже 1 раза в четверть», «2 раза в год»; `timesPer` only when more than once. */
  | { kind: "recurring"; every: RecurrenceUnit; timesPer?: number; from?: string; until?: string }
  /** «в течение года», «в течение 2022 года», «постоянно». */
  | { kind: "ongoing"; from?: string; until: string }
  /** «по мере необходимости». */
  | { kind: "asNeeded" }
  /** Tied to an event without a date: «по итогам ВПР», «по графику МКУО ЦОКО»; `event` is the text, trimmed. */
  | { kind: "event"; event: string }
  | { kind: "unknown" };
