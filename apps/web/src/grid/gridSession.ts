import type { RowSnapshot, TableModel } from "@karta/doc";
import type { GridApi } from "ag-grid-community";
import type { LocalOrigin } from "../document/localOrigin.ts";
import type { CellAddress, GridAxes, RangeBounds } from "./selection/rangeMath.ts";
import type { SelectionStore } from "./selection/selectionStore.ts";

/**
 * Everything a grid command needs, created once the grid is ready: the AG Grid
 * API for focus and scrolling, the table model for data, the selection, and
 * the page's origin for writes that must be one transaction.
 */
export class GridSession {
  readonly colIds: readonly string[];
  /** Which rows the grid shows («только изменённые строки»); null: all of them. */
  private rowFilter: ((row: RowSnapshot) => boolean) | null = null;
  private readonly filterListeners = new Set<() => void>();

  constructor(
    readonly api: GridApi<RowSnapshot>,
    readonly table: TableModel,
    readonly selection: SelectionStore,
    readonly origin: LocalOrigin,
  ) {
    this.colIds = table.template.columns.map((c) => c.id);
  }

  /**
   * The rows the grid shows, in order: the table's rows, or those the filter
   * keeps. Grid indexes (focus, selection bounds, scrolling) count these rows,
   * never the table's, so every command reads rows through here.
   */
  rows(): readonly RowSnapshot[] {
    const all = this.table.rows();
    return this.rowFilter ? all.filter(this.rowFilter) : all;
  }

  /** Whether the grid shows this row (the filter keeps it). */
  shows(row: RowSnapshot): boolean {
    return this.rowFilter ? this.rowFilter(row) : true;
  }

  /** Whether some rows are hidden: moving rows by place is then refused (their places are not all shown). */
  isFiltered(): boolean {
    return this.rowFilter !== null;
  }

  /** Shows only the rows `keep` accepts (null: all); the row feed redraws. */
  setRowFilter(keep: ((row: RowSnapshot) => boolean) | null): void {
    this.rowFilter = keep;
    for (const listener of this.filterListeners) listener();
  }

  /** Called after each setRowFilter. */
  onFilterChange(listener: () => void): () => void {
    this.filterListeners.add(listener);
    return () => this.filterListeners.delete(listener);
  }

  axes(): GridAxes {
    return { rowIds: this.rows().map((r) => r.id), colIds: this.colIds };
  }

  /** The cell with keyboard focus, by ids. */
  focusedAddress(): CellAddress | null {
    const focused = this.api.getFocusedCell();
    // The pinned total row is computed, not part of the table.
    if (!focused || focused.rowPinned) return null;
    const rowId = this.api.getDisplayedRowAtIndex(focused.rowIndex)?.data?.id;
    return rowId === undefined ? null : { rowId, colId: focused.column.getColId() };
  }

  /** The selected rectangle, or the focused cell when nothing larger is selected. */
  activeBounds(): RangeBounds | null {
    const bounds = this.selection.getBounds();
    if (bounds) return bounds;
    const focused = this.api.getFocusedCell();
    if (!focused || focused.rowPinned) return null;
    const col = this.colIds.indexOf(focused.column.getColId());
    return col < 0 ? null : { top: focused.rowIndex, bottom: focused.rowIndex, left: col, right: col };
  }

  /** Puts keyboard focus on a cell and scrolls it into view. */
  focusCell(rowIndex: number, colId: string): void {
    const count = this.rows().length;
    if (count === 0) return;
    const row = Math.max(0, Math.min(count - 1, rowIndex));
    this.api.ensureIndexVisible(row);
    this.api.ensureColumnVisible(colId);
    this.api.setFocusedCell(row, colId);
  }

  /** Whether an editor is open: commands then leave the keyboard to it. */
  isEditing(): boolean {
    return this.api.getEditingCells().length > 0;
  }

  /** The first column a person can type into, for a fresh row. */
  firstEditableColId(): string {
    return this.table.template.columns.find((c) => c.type.kind !== "rowNumber")?.id ?? this.colIds[0] ?? "";
  }
}
