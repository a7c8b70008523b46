/**
 * Rectangular cell ranges. A range is stored by row and column ids, not
 * indices, so it stays on the same cells when a colleague inserts or moves rows
 * above it; indices are derived against the current order when needed.
 */

export interface CellAddress {
  readonly rowId: string;
  readonly colId: string;
}

/** What the user selected: the cell they started at and the cell they extended to. */
export interface CellRange {
  readonly anchor: CellAddress;
  readonly head: CellAddress;
}

/** A range in index space, inclusive on all sides. */
export interface RangeBounds {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** Row and column order the indices refer to. */
export interface GridAxes {
  readonly rowIds: readonly string[];
  readonly colIds: readonly string[];
}

/** The bounds of a range in the current order, or null if one of its cells is gone. */
export function rangeBounds(range: CellRange, axes: GridAxes): RangeBounds | null {
  const a = addressIndex(range.anchor, axes);
  const h = addressIndex(range.head, axes);
  if (!a || !h) return null;
  return {
    top: Math.min(a.row, h.row),
    bottom: Math.max(a.row, h.row),
    left: Math.min(a.col, h.col),
    right: Math.max(a.col, h.col),
  };
}

export function addressIndex(address: CellAddress, axes: GridAxes): { row: number; col: number } | null {
  const row = axes.rowIds.indexOf(address.rowId);
  const col = axes.colIds.indexOf(address.colId);
  return row < 0 || col < 0 ? null : { row, col };
}

export function containsCell(bounds: RangeBounds | null, row: number, col: number): boolean {
  return bounds !== null && row >= bounds.top && row <= bounds.bottom && col >= bounds.left && col <= bounds.right;
}

export function boundsSize(bounds: RangeBounds): { rows: number; cols: number } {
  return { rows: bounds.bottom - bounds.top + 1, cols: bounds.right - bounds.left + 1 };
}

export function isSingleCell(bounds: RangeBounds): boolean {
  return bounds.top === bounds.bottom && bounds.left === bounds.right;
}

/** The address `rows` and `cols` steps away, stopping at the edges of the table. */
export function stepAddress(address: CellAddress, rows: number, cols: number, axes: GridAxes): CellAddress {
  const at = addressIndex(address, axes);
  if (!at) return address;
  const row = clamp(at.row + rows, 0, axes.rowIds.length - 1);
  const col = clamp(at.col + cols, 0, axes.colIds.length - 1);
  return { rowId: axes.rowIds[row] ?? address.rowId, colId: axes.colIds[col] ?? address.colId };
}

/** Row indices covered by either of two bounds: the rows whose look may change. */
export function rowsTouched(before: RangeBounds | null, after: RangeBounds | null): number[] {
  const rows = new Set<number>();
  for (const b of [before, after]) {
    if (!b) continue;
    for (let r = b.top; r <= b.bottom; r += 1) rows.add(r);
  }
  return [...rows].sort((x, y) => x - y);
}

/** Column indices covered by either of two bounds. */
export function colsTouched(before: RangeBounds | null, after: RangeBounds | null): number[] {
  const cols = new Set<number>();
  for (const b of [before, after]) {
    if (!b) continue;
    for (let c = b.left; c <= b.right; c += 1) cols.add(c);
  }
  return [...cols].sort((x, y) => x - y);
}

export function sameBounds(a: RangeBounds | null, b: RangeBounds | null): boolean {
  if (a === null || b === null) return a === b;
  return a.top === b.top && a.bottom === b.bottom && a.left === b.left && a.right === b.right;
}

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}
