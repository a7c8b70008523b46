import type { CellAddress } from "./rangeMath.ts";

/** The grid cell an event happened on, by the attributes AG Grid puts on its DOM. */
export function cellFromTarget(target: EventTarget | null): CellAddress | null {
  if (!(target instanceof Element)) return null;
  const cell = target.closest(".ag-cell");
  const row = cell?.closest(".ag-row");
  // The pinned total row is computed: it cannot be part of a range.
  if (row?.classList.contains("ag-row-pinned")) return null;
  const rowId = row?.getAttribute("row-id");
  const colId = cell?.getAttribute("col-id");
  return rowId && colId ? { rowId, colId } : null;
}

/** True for events inside an open editor, where the mouse and keys belong to the editor. */
export function isInsideEditor(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return (
    target.closest("input, textarea, select, [contenteditable='true'], .ag-popup-editor, .ag-cell-inline-editing") !==
    null
  );
}
