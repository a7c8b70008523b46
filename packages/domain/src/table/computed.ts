import type { CellValue, TableTemplate } from "@karta/schema";
import { sharePercent } from "./shares.ts";

/** A row as the computations see it: its cells by column id. */
export interface PlainRow {
  readonly id: string;
  readonly cells: Readonly<Record<string, CellValue | undefined>>;
}

/** The computed cells of a row: its share columns, by column id (null when not computable). */
export function computedCells(table: TableTemplate, row: PlainRow): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const column of table.columns) {
    if (column.type.kind === "share")
      out[column.id] = sharePercent(row.cells[column.type.part], row.cells[column.type.whole]);
  }
  return out;
}

/**
 * The total row of a table that has one: the label, the sums of the summed
 * columns (only over the cells that hold numbers), and the shares computed
 * from those sums, never averaged from the rows' shares.
 */
export function totalRow(table: TableTemplate, rows: readonly PlainRow[]): Record<string, CellValue> | null {
  const totals = table.totals;
  if (!totals) return null;
  const cells: Record<string, CellValue> = { [totals.labelColumn]: totals.label };
  for (const id of totals.sum) {
    const numbers = rows.map((r) => r.cells[id]).filter((v): v is number => typeof v === "number");
    cells[id] = numbers.length === 0 ? null : numbers.reduce((a, b) => a + b, 0);
  }
  Object.assign(cells, computedCells(table, { id: "total", cells }));
  return cells;
}
