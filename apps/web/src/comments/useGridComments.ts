import { type RefObject, useEffect } from "react";
import type { GridSession } from "../grid/gridSession.ts";
import { cellFromTarget } from "../grid/selection/cellFromEvent.ts";
import { openCellThreads } from "./commentsNavigation.ts";
import { useCommentsPage } from "./commentsPage.ts";

/** Ctrl+Alt+M, by the key's place (M on any layout: «ь» in Russian). */
function isCommentShortcut(event: KeyboardEvent): boolean {
  return event.ctrlKey && event.altKey && !event.shiftKey && !event.metaKey && event.code === "KeyM";
}

/**
 * Comments in a table's grid: the grid registers with the page's comments (to
 * go to a cell from the panel), a right click on a cell offers
 * «Комментировать» (AG Grid community has no context menu), and Ctrl+Alt+M
 * opens the selected cell's thread.
 */
export function useGridComments(container: RefObject<HTMLElement | null>, session: GridSession | null): void {
  const page = useCommentsPage();
  useEffect(() => {
    const element = container.current;
    if (!page || !session || !element) return;
    const tableId = session.table.template.id;
    const unregister = page.ui.registerTable(tableId, { session, container: element });

    const onContextMenu = (event: MouseEvent) => {
      const address = cellFromTarget(event.target);
      if (!address || (!page.canComment && !page.marks.markAt(tableId, address.rowId, address.colId))) return;
      event.preventDefault();
      const index = session.rows().findIndex((r) => r.id === address.rowId);
      if (index >= 0) {
        session.selection.select(address);
        session.api.setFocusedCell(index, address.colId);
      }
      page.ui.showMenu({
        x: event.clientX,
        y: event.clientY,
        tableId,
        rowId: address.rowId,
        columnId: address.colId,
      });
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event) || session.isEditing()) return;
      const address = session.focusedAddress() ?? session.selection.getRange()?.anchor ?? null;
      if (!address) return;
      event.preventDefault();
      event.stopPropagation();
      openCellThreads(page, tableId, address.rowId, address.colId);
    };

    element.addEventListener("contextmenu", onContextMenu);
    element.addEventListener("keydown", onKeyDown, true);
    return () => {
      unregister();
      element.removeEventListener("contextmenu", onContextMenu);
      element.removeEventListener("keydown", onKeyDown, true);
    };
  }, [page, session, container]);
}
