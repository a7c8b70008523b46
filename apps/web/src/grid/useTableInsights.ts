import type { RowSnapshot, TableModel } from "@karta/doc";
import { DONE_STATUS, type PeriodContext, type TableProblem } from "@karta/domain";
import type { TableTemplate } from "@karta/schema";
import { useEffect, useMemo, useState } from "react";
import type { TableChanges } from "../document/agreedChanges.ts";
import { CellFlagsStore, withAgreedChanges, withConflicts } from "./cellFlags.ts";
import { RowInsights } from "./rowInsights.ts";
import { useToday } from "./today.ts";

export interface TableInsights {
  /** The rows the problems were found in, in display order (for their №), while there are problems. */
  readonly rows: readonly RowSnapshot[];
  readonly problems: readonly TableProblem[];
  /** Ids of rows whose measure is overdue (in tables with a status column). */
  readonly overdue: ReadonlySet<string>;
  /** Per-cell flags for the grid's cells. */
  readonly flags: CellFlagsStore;
}

const NONE: ReadonlySet<string> = new Set();
const NO_ROWS: readonly RowSnapshot[] = [];
const NO_PROBLEMS: readonly TableProblem[] = [];
/**
 * Problems and marks are found this long after the table is shown at the
 * latest, in case its grid never says it has drawn rows (none to draw, or
 * hidden).
 */
const DRAWN_AT_LATEST_MS = 1_500;

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
 * What the table's rows say beyond their values, kept live on every change
 * (local or a colleague's) and when the date changes: problems
 * (tableProblems) and overdue measures (overdueRowIds), as flags on their
 * cells and as a list. Overdue needs the document's year, which the server
 * says; until then nothing is marked overdue.
 *
 * Found outside React, in the table's own change listener: an edit that adds,
 * deletes or moves no row looks again only at the rows it touched and hands
 * the flags store only their cells (RowInsights.of, CellFlagsStore.patch),
 * and the page renders again only when the problems or overdue rows change.
 * The first look waits until the grid has drawn its first rows (`drawn`):
 * AG Grid draws rows in tasks of its own after it mounts, and reading a big
 * table's 10,000 Сроки texts before would keep them off the screen.
 */
export function useTableInsights(
  table: TableModel,
  year: number | null,
  changes: TableChanges | null = null,
  conflicts: ReadonlyMap<string, string> | null = null,
  /** The grid has drawn its first rows (and the browser painted them). */
  drawn = true,
): TableInsights {
  const [flags] = useState(() => new CellFlagsStore());
  const today = useToday();
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (drawn) return;
    const timer = setTimeout(() => setLate(true), DRAWN_AT_LATEST_MS);
    return () => clearTimeout(timer);
  }, [drawn]);
  const active = drawn || late;
  // Per row, kept across edits: only rows an edit touched are checked again.
  const insights = useMemo(() => {
    // Documents are for a calendar year (PeriodContext); a text naming no year falls in it.
    const context: PeriodContext = { year: year ?? new Date().getFullYear() };
    const overdueToday = year === null || !tracksDone(table.template) ? null : today;
    return new RowInsights(table.template, context, overdueToday);
  }, [table, year, today]);
  const [found, setFound] = useState<Omit<TableInsights, "flags">>({
    rows: NO_ROWS,
    problems: NO_PROBLEMS,
    overdue: NONE,
  });

  useEffect(() => {
    if (!active) return;
    // The flags store was last given everything by this effect (not yet: a full update first).
    let patchable = false;
    const check = () => {
      const rows = table.rows();
      const findings = insights.of(rows);
      if (changes || conflicts) {
        flags.update(
          withConflicts(withAgreedChanges(new Map(findings.flags), table.template, rows, changes), conflicts),
        );
      } else if (patchable && findings.changedKeys) {
        flags.patch(findings.flags, findings.changedKeys);
      } else {
        flags.update(findings.flags);
      }
      patchable = !changes && !conflicts;
      // The list names rows by №, which moves with rows added above: it takes the rows while it shows any.
      setFound((prev) =>
        prev.problems === findings.problems &&
        prev.overdue === findings.overdue &&
        (findings.problems.length === 0 || prev.rows === rows)
          ? prev
          : {
              rows: findings.problems.length > 0 ? rows : NO_ROWS,
              problems: findings.problems,
              overdue: findings.overdue,
            },
      );
    };
    check();
    return table.observe(check);
  }, [table, insights, flags, changes, conflicts, active]);

  return { ...found, flags };
}
