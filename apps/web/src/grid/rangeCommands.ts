import { isDerived } from "@karta/schema";
import type { GridSession } from "./gridSession.ts";
import { stepAddress } from "./selection/rangeMath.ts";
import { writeCells } from "./writeCells.ts";

/** Empties every writable cell of the selection in one step (Delete, Backspace). */
export function clearRange(session: GridSession): void {
  const bounds = session.activeBounds();
  if (!bounds) return;
  const rows = session.rows().slice(bounds.top, bounds.bottom + 1);
  const columns = session.table.template.columns.slice(bounds.left, bounds.right + 1).filter((c) => !isDerived(c.type));
  const edits = rows.flatMap((row) =>
    columns.filter((c) => row.cells[c.id] !== undefined).map((c) => ({ rowId: row.id, columnId: c.id, value: null })),
  );
  writeCells(session.table, edits);
}

/** Moves the selection's far corner (Shift+arrows); focus stays on the anchor cell. */
export function extendSelection(session: GridSession, rows: number, cols: number): void {
  const range = session.selection.getRange();
  const from = range?.head ?? session.focusedAddress();
  if (!from) return;
  if (!range) session.selection.select(from);
  const head = stepAddress(from, rows, cols, session.axes());
  session.selection.extendTo(head);
  const index = session.rows().findIndex((r) => r.id === head.rowId);
  if (index >= 0) session.api.ensureIndexVisible(index);
  session.api.ensureColumnVisible(head.colId);
}

/** Selects the whole table (Ctrl+A). */
export function selectAll(session: GridSession): void {
  const rows = session.rows();
  const first = rows[0];
  const last = rows.at(-1);
  const left = session.colIds[0];
  const right = session.colIds.at(-1);
  if (!first || !last || left === undefined || right === undefined) return;
  session.selection.select({ rowId: first.id, colId: left }, { rowId: last.id, colId: right });
}

/** Ticks or unticks the focused yes/no cell (Space): one write, one undo step. */
export function toggleFocusedCell(session: GridSession): void {
  const address = session.focusedAddress();
  if (!address) return;
  const column = session.table.template.columns.find((c) => c.id === address.colId);
  const row = session.rows().find((r) => r.id === address.rowId);
  if (column?.type.kind !== "boolean" || !row) return;
  writeCells(session.table, [{ rowId: row.id, columnId: column.id, value: row.cells[column.id] !== true }]);
}
