import { type RefObject, useEffect } from "react";
import type { GridSession } from "../gridSession.ts";
import { cellFromTarget, isInsideEditor } from "./cellFromEvent.ts";

/**
 * Range selection with the mouse, on top of AG Grid's own focus handling:
 * press and drag paints a rectangle from the pressed cell; Shift+click
 * stretches the rectangle from the anchor to the clicked cell without moving
 * focus away from the anchor, as in Excel.
 */
export function useRangeMouse(container: RefObject<HTMLElement | null>, session: GridSession | null): void {
  useEffect(() => {
    const element = container.current;
    if (!element || !session) return;
    let dragging = false;

    const onMouseDown = (event: MouseEvent) => {
      if (event.button !== 0 || isInsideEditor(event.target)) return;
      if (event.target instanceof Element && event.target.closest(".ag-row-drag")) return;
      const address = cellFromTarget(event.target);
      if (!address) return;
      if (event.shiftKey && session.selection.getRange()) {
        // Keep AG Grid from focusing the clicked cell: the anchor stays the active cell.
        event.preventDefault();
        event.stopPropagation();
        session.selection.extendTo(address);
        return;
      }
      session.selection.select(address);
      dragging = true;
    };

    const onMouseMove = (event: MouseEvent) => {
      if (!dragging) return;
      if ((event.buttons & 1) === 0) {
        dragging = false;
        return;
      }
      const address = cellFromTarget(event.target);
      const head = session.selection.getRange()?.head;
      if (address && (address.rowId !== head?.rowId || address.colId !== head?.colId)) {
        session.selection.extendTo(address);
      }
    };

    const onMouseUp = () => {
      dragging = false;
    };

    element.addEventListener("mousedown", onMouseDown, true);
    window.addEventListener("mousemove", onMouseMove);
    window.addEventListener("mouseup", onMouseUp);
    return () => {
      element.removeEventListener("mousedown", onMouseDown, true);
      window.removeEventListener("mousemove", onMouseMove);
      window.removeEventListener("mouseup", onMouseUp);
    };
  }, [container, session]);
}
