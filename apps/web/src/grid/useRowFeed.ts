import type { RowSnapshot, RowsChange } from "@karta/doc";
import type { IRowNode } from "ag-grid-community";
import { type RefObject, useEffect } from "react";
import { editErrorMessage } from "../messages.ts";
import { showToast } from "../ui/toasts.ts";
import type { GridSession } from "./gridSession.ts";
import { colsTouched, type RangeBounds, rowsTouched } from "./selection/rangeMath.ts";
import { totalRowData } from "./totalRowData.ts";

/**
 * Feeds the table model's immutable rows (those the session's filter shows,
 * with the total of all of them) to the grid and keeps the rest in
 * step: the selection's row order, the painted range, and the keyboard focus,
 * which AG Grid keeps by index, so when a colleague inserts a row above it
 * would silently jump to another row; here it follows its row instead.
 *
 * An edit that adds, deletes or moves no row (most edits, local or remote)
 * gives AG Grid only the rows whose snapshot changed, in place (updateData):
 * indexes, the selection's axes and the focus stay as they are. Anything else
 * gives it the whole list, which it diffs by row id.
 */
export function useRowFeed(session: GridSession | null, container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!session) return;
    const { api, table, selection, colIds } = session;

    const pushTotals = (all: readonly RowSnapshot[]) => {
      // The total row is recomputed with every change, so it is live like the rows.
      if (table.template.totals) api.setGridOption("pinnedBottomRowData", totalRowData(table.template, all));
    };

    const push = (all: readonly RowSnapshot[]) => {
      warnIfEditedRowVanished(session, all);
      const rows = session.rows();
      const focused = session.focusedAddress();
      const focusIndex = api.getFocusedCell()?.rowIndex;
      const hadFocus = container.current?.contains(document.activeElement) ?? false;
      api.setGridOption("rowData", rows as RowSnapshot[]);
      pushTotals(all);
      selection.setAxes({ rowIds: rows.map((r) => r.id), colIds });
      if (!focused || session.isEditing()) return;
      const index = rows.findIndex((r) => r.id === focused.rowId);
      if (index >= 0 && index !== focusIndex) {
        if (hadFocus) api.setFocusedCell(index, focused.colId);
        else api.clearFocusedCell();
      }
    };

    const pushChange = (all: readonly RowSnapshot[], change: RowsChange) => {
      if (change.orderChanged || change.removed.size > 0) return push(all);
      const update: { node: IRowNode<RowSnapshot>; row: RowSnapshot }[] = [];
      for (const id of change.changed) {
        const row = table.row(id);
        if (!row) return push(all);
        const node = api.getRowNode(id);
        // The filter's verdict changed (a row came into or out of view): indexes move.
        if ((node !== undefined) !== session.shows(row)) return push(all);
        if (node) update.push({ node, row });
      }
      // In place: a transaction re-places all 10,000 rows of a big table for one cell (AG Grid's
      // row model pass), most of a remote edit's script. A row that grows or shrinks with its
      // text (autoHeight) is measured again, and AG Grid's auto-height pass then places the rows
      // below it (RowAutoHeightModule: the row model's onRowHeightChanged).
      for (const { node, row } of update) node.updateData(row);
      if (change.changed.size > 0) pushTotals(all);
    };

    // Class rules are re-evaluated on refresh; values are unchanged, so AG Grid
    // only re-applies classes and leaves the cells' content alone.
    const paint = (before: RangeBounds | null, after: RangeBounds | null) => {
      const rowNodes = rowsTouched(before, after).flatMap((i) => api.getDisplayedRowAtIndex(i) ?? []);
      const columns = colsTouched(before, after).flatMap((i) => colIds[i] ?? []);
      if (rowNodes.length > 0 && columns.length > 0) api.refreshCells({ rowNodes, columns });
    };

    push(table.rows());
    const stopRows = table.observe((rows, _transaction, change) => pushChange(rows, change));
    const stopPaint = selection.subscribe(paint);
    const stopFilter = session.onFilterChange(() => {
      // Dragging a row to a place among the shown rows would put it somewhere unseen.
      api.setGridOption("suppressRowDrag", session.isFiltered());
      push(table.rows());
    });
    return () => {
      stopRows();
      stopPaint();
      stopFilter();
    };
  }, [session, container]);
}

/** A colleague deleted the row this user is typing in: the grid closes the editor, so say why. */
function warnIfEditedRowVanished(session: GridSession, rows: readonly RowSnapshot[]): void {
  for (const editing of session.api.getEditingCells()) {
    const rowId = session.api.getDisplayedRowAtIndex(editing.rowIndex)?.data?.id;
    if (rowId !== undefined && !rows.some((r) => r.id === rowId)) {
      showToast(editErrorMessage("unknown-row"), "error");
      return;
    }
  }
}
