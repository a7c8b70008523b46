import type { TableTemplate } from "@karta/schema";
import { parsePeriod } from "../period/parsePeriod.ts";
import { isOverdue } from "../period/schedule.ts";
import type { PeriodContext } from "../period/types.ts";
import type { PlainRow } from "./computed.ts";

/** The status a measure is done with (MEASURE_STATUSES in @karta/schema). */
export const DONE_STATUS = "выполнено";

/**
 * Row ids of a table whose measure is overdue: finds the table's Сроки column (the first column of
 * type `period`) and its status column (an enum column whose options include «выполнено»; a row is
 * done when that cell is «выполнено»; tables without a status column treat every row as not done).
 * A table without a Сроки column has no overdue rows.
 */
export function overdueRowIds(
  table: TableTemplate,
  rows: readonly PlainRow[],
  context: PeriodContext,
  today: string,
): Set<string> {
  const overdue = new Set<string>();
  const period = table.columns.find((c) => c.type.kind === "period");
  if (!period) return overdue;
  const status = table.columns.find((c) => c.type.kind === "enum" && c.type.options.includes(DONE_STATUS));
  for (const row of rows) {
    const text = row.cells[period.id];
    if (typeof text !== "string") continue;
    const done = status !== undefined && row.cells[status.id] === DONE_STATUS;
    if (isOverdue(parsePeriod(text, context), done, today)) overdue.add(row.id);
  }
  return overdue;
}
