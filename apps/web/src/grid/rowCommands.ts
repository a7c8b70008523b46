import type { GridSession } from "./gridSession.ts";

/** Inserts an empty row below the focused one (at the end without focus) and focuses it. */
export function addRowBelow(session: GridSession): void {
  const focused = session.api.getFocusedCell();
  const at = focused ? focused.rowIndex + 1 : session.table.rowCount();
  session.table.insertRow(at);
  const colId = focused?.column.getColId() ?? session.firstEditableColId();
  session.focusCell(at, colId === "n" ? session.firstEditableColId() : colId);
}

/** The rows covered by the selection (or the focused row), top to bottom. */
export function selectedRowIds(session: GridSession): string[] {
  const bounds = session.activeBounds();
  if (!bounds) return [];
  return session.table
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
  if (to < 0 || to >= session.table.rowCount()) return;
  moveRowTo(session, address.rowId, to, address.colId);
}

/** Moves a row so it ends at `toIndex`, then focuses it there. */
export function moveRowTo(session: GridSession, rowId: string, toIndex: number, colId?: string): void {
  session.table.moveRow(rowId, toIndex);
  const index = session.table.rows().findIndex((r) => r.id === rowId);
  if (index < 0) return;
  const column = colId ?? session.api.getFocusedCell()?.column.getColId() ?? session.colIds[0] ?? "";
  session.selection.select({ rowId, colId: column });
  session.focusCell(index, column);
}
