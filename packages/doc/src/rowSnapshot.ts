import type { CellValue } from "@karta/schema";

/** An immutable view of one row, safe to hand to a grid as row data. */
export interface RowSnapshot {
  readonly id: string;
  readonly order: string;
  /** № of the row: its 1-based position, derived from order, never stored. */
  readonly number: number;
  readonly cells: Readonly<Record<string, CellValue>>;
}

/** True when two snapshots show the same thing, so the old object can be kept. */
export function sameRow(a: RowSnapshot, b: RowSnapshot): boolean {
  if (a.id !== b.id || a.order !== b.order || a.number !== b.number) return false;
  const aKeys = Object.keys(a.cells);
  if (aKeys.length !== Object.keys(b.cells).length) return false;
  return aKeys.every((k) => a.cells[k] === b.cells[k]);
}
