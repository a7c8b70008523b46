import type { MeasureProgress, ProgressCounts, TableTemplate } from "@karta/schema";
import { parsePeriod } from "../period/parsePeriod.ts";
import { lastDeadline } from "../period/schedule.ts";
import type { PeriodContext } from "../period/types.ts";
import type { PlainRow } from "../table/computed.ts";
import { DONE_STATUS } from "../table/overdue.ts";

/** The status a measure is being worked on with (MEASURE_STATUSES in @karta/schema). */
export const IN_PROGRESS_STATUS = "в работе";

/** Longest measure text a fact keeps: the dashboard lists it, the cell holds the rest. */
const MEASURE_TEXT_LIMIT = 300;

/**
 * What monitoring needs of one measure (a row of a table with «Сроки» and a
 * status): its place, its words, its status and the day after which it is
 * overdue if not done, derived once from «Сроки» in the document's context.
 */
export interface MeasureFact {
  readonly table: string;
  readonly rowId: string;
  /** № of the row in its table, from 1. */
  readonly number: number;
  readonly measure: string;
  readonly period: string;
  readonly status: string | null;
  /** `lastDeadline` of the «Сроки» meaning; null when the text gives none (never overdue). */
  readonly deadline: string | null;
}

/** Whether monitoring follows a table's measures: it has «Сроки» and a status column. */
export function isMeasureTable(table: TableTemplate): boolean {
  return periodColumn(table) !== undefined && statusColumn(table) !== undefined;
}

const periodColumn = (table: TableTemplate) => table.columns.find((c) => c.type.kind === "period");
const statusColumn = (table: TableTemplate) =>
  table.columns.find((c) => c.type.kind === "enum" && c.type.options.includes(DONE_STATUS));

/**
 * The measures of a table monitoring follows: one with a «Сроки» column (the
 * first `period` column) and a status column (an enum offering «выполнено»);
 * null for any other table. Rows in their order; the measure's words are the
 * `measure` column's, else the first required column's.
 */
export function measureFacts(
  table: TableTemplate,
  rows: readonly PlainRow[],
  context: PeriodContext,
  /** The last deadline of a «Сроки» text (a caller may remember them: parsing is the costly part). */
  deadlineOf: (period: string) => string | null = (text) => lastDeadline(parsePeriod(text, context)),
): MeasureFact[] | null {
  const period = periodColumn(table);
  const status = statusColumn(table);
  if (!period || !status) return null;
  const words = table.columns.find((c) => c.id === "measure") ?? table.columns.find((c) => c.required);
  return rows.map((row, index) => {
    const periodText = textOf(row.cells[period.id]);
    const statusText = textOf(row.cells[status.id]);
    return {
      table: table.id,
      rowId: row.id,
      number: index + 1,
      measure: words ? textOf(row.cells[words.id]).slice(0, MEASURE_TEXT_LIMIT) : "",
      period: periodText,
      status: statusText === "" ? null : statusText,
      deadline: periodText === "" ? null : deadlineOf(periodText),
    };
  });
}

/**
 * Where a measure stands on `asOf` (ISO date): done by its status; overdue when
 * not done and its deadline has passed; in progress by its status; planned
 * otherwise (no status, «запланировано», «перенесено», «не выполнено» before
 * its deadline). Agrees with `isOverdue` by construction (both read `lastDeadline`).
 */
export function measureProgress(fact: MeasureFact, asOf: string): MeasureProgress {
  if (fact.status === DONE_STATUS) return "done";
  if (fact.deadline !== null && asOf > fact.deadline) return "overdue";
  if (fact.status === IN_PROGRESS_STATUS) return "inProgress";
  return "planned";
}

export function emptyProgress(): ProgressCounts {
  return { done: 0, inProgress: 0, overdue: 0, planned: 0, total: 0 };
}

/** The four counts of `facts` on `asOf`. */
export function progressOf(facts: readonly MeasureFact[], asOf: string): ProgressCounts {
  const counts = { ...emptyProgress() };
  for (const fact of facts) {
    counts[measureProgress(fact, asOf)]++;
    counts.total++;
  }
  return counts;
}

export function addProgress(a: ProgressCounts, b: ProgressCounts): ProgressCounts {
  return {
    done: a.done + b.done,
    inProgress: a.inProgress + b.inProgress,
    overdue: a.overdue + b.overdue,
    planned: a.planned + b.planned,
    total: a.total + b.total,
  };
}

function textOf(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}
