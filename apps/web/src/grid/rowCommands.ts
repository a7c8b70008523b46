import { messages } from "../messages.ts";
import { showToast } from "../ui/toasts.ts";
import type { GridSession } from "./gridSession.ts";

/** Inserts an empty row below the focused one (at the end without focus) and focuses it. */
export function addRowBelow(session: GridSession): void {
  const focused = session.api.getFocusedCell();
  const focusedRowId = focused && !focused.rowPinned ? session.rows()[focused.rowIndex]?.id : undefined;
  // The table's place, not the grid's: with a filter on they differ.
  const at =
    focusedRowId === undefined
      ? session.table.rowCount()
      : session.table.rows().findIndex((r) => r.id === focusedRowId) + 1;
  const rowId = session.table.insertRow(at);
  const colId = focused?.column.getColId() ?? session.firstEditableColId();
  const index = session.rows().findIndex((r) => r.id === rowId);
  if (index >= 0) session.focusCell(index, colId === "n" ? session.firstEditableColId() : colId);
}

/** The rows covered by the selection (or the focused row), top to bottom. */
export function selectedRowIds(session: GridSession): string[] {
  const bounds = session.activeBounds();
  if (!bounds) return [];
  return session
    .rows()
    .slice(bounds.top, bounds.bottom + 1)
    .map((r) => r.id);
}

/** Deletes the selected rows and keeps focus at the same height. */
export function deleteSelectedRows(session: GridSession): void {
  const ids = selectedRowIds(session);
  if (ids.length === 0) return;
  const focused = session.api.getFocusedCell();
  const top = session.activeBounds()?.top ?? 0;
  session.table.deleteRows(ids);
  session.selection.clear();
  if (focused) session.focusCell(top, focused.column.getColId());
}

/** Moves the focused row one place up or down, keeping it focused (Ctrl+Shift+↑/↓). */
export function moveFocusedRow(session: GridSession, by: -1 | 1): void {
  const focused = session.api.getFocusedCell();
  const address = session.focusedAddress();
  if (!focused || !address) return;
  const to = focused.rowIndex + by;
  if (to < 0 || to >= session.rows().length) return;
  moveRowTo(session, address.rowId, to, address.colId);
}

/**
 * Moves a row so it ends at `toIndex`, then focuses it there. Refused while a
 * filter hides rows: a place among the shown rows is no place in the table.
 */
export function moveRowTo(session: GridSession, rowId: string, toIndex: number, colId?: string): void {
  if (session.isFiltered()) {
    showToast(messages.changes.noMoveWhileFiltered, "error");
    return;
  }
  session.table.moveRow(rowId, toIndex);
  const index = session.rows().findIndex((r) => r.id === rowId);
  if (index < 0) return;
  const column = colId ?? session.api.getFocusedCell()?.column.getColId() ?? session.colIds[0] ?? "";
  session.selection.select({ rowId, colId: column });
  session.focusCell(index, column);
}
