import {
  type CellAddress,
  type CellRange,
  type GridAxes,
  type RangeBounds,
  rangeBounds,
  sameBounds,
} from "./rangeMath.ts";

export type SelectionListener = (before: RangeBounds | null, after: RangeBounds | null) => void;

/**
 * The selected rectangle of cells. AG Grid community has no range selection,
 * so the grid keeps it here and paints it through cell class rules; listeners
 * get the old and new bounds to refresh only the rows whose look changed.
 */
export class SelectionStore {
  private range: CellRange | null = null;
  private bounds: RangeBounds | null = null;
  private axes: GridAxes = { rowIds: [], colIds: [] };
  private readonly listeners = new Set<SelectionListener>();

  getRange(): CellRange | null {
    return this.range;
  }

  getBounds(): RangeBounds | null {
    return this.bounds;
  }

  getAxes(): GridAxes {
    return this.axes;
  }

  /** New row or column order (someone inserted, moved or deleted rows). */
  setAxes(axes: GridAxes): void {
    this.axes = axes;
    this.recompute();
  }

  /** Selects from `anchor` to `head` (one cell when `head` is omitted). */
  select(anchor: CellAddress, head: CellAddress = anchor): void {
    this.range = { anchor, head };
    this.recompute();
  }

  /** Moves the far corner, keeping the anchor; starts at `head` if nothing is selected. */
  extendTo(head: CellAddress): void {
    this.range = { anchor: this.range?.anchor ?? head, head };
    this.recompute();
  }

  clear(): void {
    this.range = null;
    this.recompute();
  }

  subscribe(listener: SelectionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private recompute(): void {
    const before = this.bounds;
    const after = this.range ? rangeBounds(this.range, this.axes) : null;
    if (this.range && !after) this.range = null; // a corner's row is gone
    this.bounds = after;
    if (!sameBounds(before, after)) for (const listener of this.listeners) listener(before, after);
  }
}
