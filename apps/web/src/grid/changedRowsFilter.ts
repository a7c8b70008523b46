import type { RowSnapshot } from "@karta/doc";
import { useEffect, useMemo } from "react";
import type { TableChanges } from "../document/agreedChanges.ts";
import type { GridSession } from "./gridSession.ts";

/**
 * The rows «только изменённые строки» hides: those in the table when the
 * changes were last computed that do not differ from the agreed version. A
 * row added after that is not hidden: it is new, and the next answer about
 * the changes will count it.
 */
export function unchangedRowIds(rows: readonly RowSnapshot[], changes: TableChanges): Set<string> {
  const hidden = new Set<string>();
  for (const row of rows) if (!changes.changedRows.has(row.id)) hidden.add(row.id);
  return hidden;
}

/** Shows only the changed rows in the grid while `on`; every row otherwise. */
export function useChangedRowsFilter(session: GridSession | null, changes: TableChanges | null, on: boolean): void {
  const hidden = useMemo(
    () => (on && session ? unchangedRowIds(session.table.rows(), changes ?? NO_TABLE_CHANGES) : null),
    [on, session, changes],
  );
  useEffect(() => {
    if (!session) return;
    session.setRowFilter(hidden ? (row) => !hidden.has(row.id) : null);
  }, [session, hidden]);
}

const NO_TABLE_CHANGES: TableChanges = {
  cells: new Map(),
  addedRows: new Set(),
  movedRows: new Set(),
  deletedRows: [],
  changedRows: new Set(),
};
