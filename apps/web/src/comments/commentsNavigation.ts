import type { ThreadView } from "@karta/doc";
import type { CommentsPage } from "./commentsPage.ts";
import type { TableHandle } from "./commentsUi.ts";

/** The cell's element in the grid, if it is rendered (rows out of view are not). */
export function cellElement(handle: TableHandle, rowId: string, columnId: string): HTMLElement | null {
  return handle.container.querySelector<HTMLElement>(
    `.ag-row[row-id="${CSS.escape(rowId)}"]:not(.ag-row-pinned) .ag-cell[col-id="${CSS.escape(columnId)}"]`,
  );
}

/** Selects a cell and scrolls the page and the grid to it; false if its table or row is not there. */
export function goToCell(page: CommentsPage, tableId: string, rowId: string, columnId: string): boolean {
  const handle = page.ui.table(tableId);
  if (!handle) return false;
  const { session } = handle;
  const index = session.rows().findIndex((r) => r.id === rowId);
  if (index < 0) return false;
  session.api.stopEditing();
  handle.container.scrollIntoView({ block: "nearest" });
  session.selection.select({ rowId, colId: columnId });
  session.focusCell(index, columnId);
  return true;
}

/**
 * Goes to where a thread stands: its cell is selected and scrolled to, its
 * phrase scrolled to and selected; the thread becomes the one looked at.
 */
export function goToThread(page: CommentsPage, thread: ThreadView): boolean {
  page.ui.setActiveThread(thread.id);
  const { anchor } = thread;
  if (anchor.kind === "cell") return goToCell(page, anchor.table, anchor.rowId, anchor.columnId);
  if (anchor.kind === "text") return page.ui.section(anchor.section)?.select(anchor) ?? false;
  return false;
}

/** Opens the popover of a cell's threads (a new one when it has none), if this person may see or write any. */
export function openCellThreads(page: CommentsPage, tableId: string, rowId: string, columnId: string): void {
  if (!page.canComment && !page.marks.markAt(tableId, rowId, columnId)) return;
  page.ui.openPopover({ kind: "cell", tableId, rowId, columnId });
}
