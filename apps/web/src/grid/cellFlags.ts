import { describePeriod, formatCell, type PeriodContext, parsePeriod, type TableProblem } from "@karta/domain";
import type { TableTemplate } from "@karta/schema";
import type { TableChanges } from "../document/agreedChanges.ts";
import { messages } from "../messages.ts";
import { cellKey, describeProblem, problemsByCell } from "../problems/problemCells.ts";

/** What a cell shows beside its value: problems to look at, or that its deadline has passed. */
export interface CellFlag {
  /** Russian explanations, one per problem (empty: none). */
  readonly problems: readonly string[];
  /** The overdue sentence for a Сроки cell (null: not overdue). */
  readonly overdue: string | null;
  /** «было: …» when the cell differs from the agreed version, or that its row was added since. */
  readonly changed?: string | null;
  /** «конфликт правок: …» with both values and their authors. */
  readonly conflict?: string | null;
}

interface Row {
  readonly id: string;
  readonly cells: Readonly<Record<string, unknown>>;
}

/**
 * Flags by cell key: each problem on its cell (see problemCell), and the
 * overdue mark on the Сроки cell (the table's first `period` column) of every
 * overdue row, explained with the deadline the text was read as.
 */
export function buildCellFlags(
  table: TableTemplate,
  rows: readonly Row[],
  problems: readonly TableProblem[],
  overdue: ReadonlySet<string>,
  context: PeriodContext,
  /** The deadline each overdue row's text was read as (describePeriod), when known already. */
  deadlines?: ReadonlyMap<string, string>,
): Map<string, CellFlag> {
  const flags = new Map<string, CellFlag>();
  for (const [key, list] of problemsByCell(problems)) {
    flags.set(key, { problems: list.map((p) => describeProblem(p, table)), overdue: null });
  }
  const period = table.columns.find((c) => c.type.kind === "period");
  if (period && overdue.size > 0) {
    for (const row of rows) {
      if (!overdue.has(row.id)) continue;
      const key = cellKey(row.id, period.id);
      flags.set(key, {
        problems: flags.get(key)?.problems ?? [],
        overdue: messages.cells.overdue(deadlines?.get(row.id) ?? deadlineOf(row.cells[period.id], context)),
      });
    }
  }
  return flags;
}

/** How an overdue row's Сроки text was read, as the mark says it. */
function deadlineOf(text: unknown, context: PeriodContext): string {
  return describePeriod(parsePeriod(typeof text === "string" ? text : null, context));
}

/** The tooltip of a flagged cell: the overdue sentence first, then each problem. */
export function flagTooltip(flag: CellFlag | null): string | undefined {
  if (!flag) return undefined;
  const lines = [
    ...(flag.conflict ? [flag.conflict] : []),
    ...(flag.changed ? [flag.changed] : []),
    ...(flag.overdue ? [flag.overdue] : []),
    ...flag.problems,
  ];
  return lines.length > 0 ? lines.join("\n") : undefined;
}

/**
 * The flags of one table, outside React: cells subscribe to it and re-render
 * only when their own flag changes (as with presence), so typing in one row
 * does not redraw the whole grid.
 */
export class CellFlagsStore {
  private flags = new Map<string, CellFlag>();
  private readonly listeners = new Set<() => void>();
  private changed: readonly string[] = [];

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  flagAt(rowId: string, colId: string): CellFlag | null {
    return this.flags.get(cellKey(rowId, colId)) ?? null;
  }

  /** The cells (by key) whose flag the last update changed, added or removed. */
  lastChanged(): readonly string[] {
    return this.changed;
  }

  /** Replaces the flags, keeping the object of every cell whose flag did not change; true if any did. */
  update(next: ReadonlyMap<string, CellFlag>): boolean {
    const changed: string[] = [];
    const merged = new Map<string, CellFlag>();
    for (const [key, flag] of next) {
      const old = this.flags.get(key);
      if (old && (old === flag || sameFlag(old, flag))) merged.set(key, old);
      else {
        merged.set(key, flag);
        changed.push(key);
      }
    }
    for (const key of this.flags.keys()) {
      if (!next.has(key)) changed.push(key);
    }
    this.flags = merged;
    this.changed = changed;
    if (changed.length > 0) for (const listener of this.listeners) listener();
    return changed.length > 0;
  }

  /**
   * Takes `next`'s flags of the cells in `keys` only, for an update that can
   * change no other cell's (an edit of a few rows of 10,000); true if any did.
   */
  patch(next: ReadonlyMap<string, CellFlag>, keys: readonly string[]): boolean {
    const changed: string[] = [];
    for (const key of new Set(keys)) {
      const old = this.flags.get(key);
      const flag = next.get(key);
      if (flag === undefined) {
        if (old === undefined) continue;
        this.flags.delete(key);
      } else if (old === undefined || (old !== flag && !sameFlag(old, flag))) {
        this.flags.set(key, flag);
      } else continue;
      changed.push(key);
    }
    this.changed = changed;
    if (changed.length > 0) for (const listener of this.listeners) listener();
    return changed.length > 0;
  }
}

/** Whether two flags say the same (compared field by field: this runs for every flag of 10,000 rows). */
function sameFlag(a: CellFlag, b: CellFlag): boolean {
  return (
    a.overdue === b.overdue &&
    (a.changed ?? null) === (b.changed ?? null) &&
    (a.conflict ?? null) === (b.conflict ?? null) &&
    a.problems.length === b.problems.length &&
    a.problems.every((p, i) => p === b.problems[i])
  );
}

/**
 * The flags with what changed since agreement: «было: …» on each changed cell,
 * a mark on every cell of a row added since and on the № of a row moved since.
 */
export function withAgreedChanges(
  flags: Map<string, CellFlag>,
  table: TableTemplate,
  rows: readonly Row[],
  changes: TableChanges | null,
): Map<string, CellFlag> {
  if (!changes) return flags;
  const mark = (key: string, text: string) => {
    const flag = flags.get(key);
    flags.set(key, { problems: flag?.problems ?? [], overdue: flag?.overdue ?? null, changed: text });
  };
  for (const row of rows) {
    if (changes.addedRows.has(row.id)) {
      for (const column of table.columns) mark(cellKey(row.id, column.id), messages.changes.rowAdded);
      continue;
    }
    for (const column of table.columns) {
      const key = cellKey(row.id, column.id);
      if (changes.cells.has(key)) mark(key, messages.changes.was(formatCell(changes.cells.get(key), column.type)));
      // A moved row says so on its №, the place a number shows.
      else if (column.type.kind === "rowNumber" && changes.movedRows.has(row.id)) mark(key, messages.changes.rowMoved);
    }
  }
  return flags;
}

/** The flags with each «конфликт правок» sentence on its cell (by cellKey). */
export function withConflicts(
  flags: Map<string, CellFlag>,
  conflicts: ReadonlyMap<string, string> | null,
): Map<string, CellFlag> {
  if (!conflicts) return flags;
  for (const [key, text] of conflicts) {
    const flag = flags.get(key);
    flags.set(key, { ...(flag ?? { problems: [], overdue: null }), conflict: text });
  }
  return flags;
}
