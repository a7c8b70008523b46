import type { RowSnapshot, TableModel } from "@karta/doc";
import { DONE_STATUS, type PeriodContext, type TableProblem } from "@karta/domain";
import type { TableTemplate } from "@karta/schema";
import { useCallback, useDeferredValue, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { TableChanges } from "../document/agreedChanges.ts";
import { buildCellFlags, CellFlagsStore, withAgreedChanges, withConflicts } from "./cellFlags.ts";
import { RowInsights } from "./rowInsights.ts";
import { useToday } from "./today.ts";

export interface TableInsights {
  /**
   * The rows the problems and marks were found in, in display order: the
   * table's rows, or just before a change, while they are checked again.
   */
  readonly rows: readonly RowSnapshot[];
  readonly problems: readonly TableProblem[];
  /** Ids of rows whose measure is overdue (in tables with a status column). */
  readonly overdue: ReadonlySet<string>;
  /** Per-cell flags for the grid's cells. */
  readonly flags: CellFlagsStore;
}

const NONE: ReadonlySet<string> = new Set();
const NO_ROWS: readonly RowSnapshot[] = [];

/**
 * Whether a measure of this table can be marked done (a status column with
 * «выполнено»). Only such tables show overdue marks: elsewhere (the
 * municipal roadmap) nobody could ever clear the mark, and every dated row
 * of a past year's document would stay red for good.
 */
function tracksDone(table: TableTemplate): boolean {
  return table.columns.some((c) => c.type.kind === "enum" && c.type.options.includes(DONE_STATUS));
}

/**
 * What the table's rows say beyond their values, recomputed live on every
 * change (local or a colleague's) and when the date changes: problems
 * (tableProblems) and overdue measures (overdueRowIds). Overdue needs the
 * document's year, which the server says; until then nothing is marked overdue.
 */
export function useTableInsights(
  table: TableModel,
  year: number | null,
  changes: TableChanges | null = null,
  conflicts: ReadonlyMap<string, string> | null = null,
): TableInsights {
  const subscribe = useCallback((listener: () => void) => table.observe(listener), [table]);
  const current = useSyncExternalStore(subscribe, () => table.rows());
  // Checked in a render of its own, after the grid's: the rows of a big table are painted
  // before its 10,000 Сроки texts are first read (a deferred value starts from no rows).
  const rows = useDeferredValue(current, NO_ROWS);
  const [flags] = useState(() => new CellFlagsStore());
  const today = useToday();
  // Per row, kept across edits: only rows an edit touched are checked again.
  const perRow = useMemo(() => {
    // Documents are for a calendar year (PeriodContext); a text naming no year falls in it.
    const context: PeriodContext = { year: year ?? new Date().getFullYear() };
    const overdueToday = year === null || !tracksDone(table.template) ? null : today;
    return { context, insights: new RowInsights(table.template, context, overdueToday) };
  }, [table, year, today]);
  const result = useMemo(() => {
    const template = table.template;
    const { context, insights } = perRow;
    const { problems, overdue: found, deadlines } = insights.of(rows);
    const overdue = found.size > 0 ? found : NONE;
    const cellFlags = withConflicts(
      withAgreedChanges(buildCellFlags(template, rows, problems, overdue, context, deadlines), template, rows, changes),
      conflicts,
    );
    return { problems, overdue, cellFlags };
  }, [table, rows, perRow, changes, conflicts]);
  useEffect(() => {
    flags.update(result.cellFlags);
  }, [flags, result]);
  return { rows, problems: result.problems, overdue: result.overdue, flags };
}
