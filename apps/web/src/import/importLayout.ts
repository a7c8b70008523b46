import type { SheetValue } from "@karta/domain";
import { type ColumnMapping, findHeaderRow, type Sheet, suggestMapping } from "@karta/export";
import type { TableTemplate } from "@karta/schema";

/** Where a sheet's header is and which file column feeds each table column. */
export interface SheetLayout {
  readonly headerRow: number | null;
  readonly mapping: ColumnMapping;
}

/** The layout the dialog starts from: the header found and the columns matched by title. */
export function initialLayout(table: TableTemplate, rows: readonly (readonly SheetValue[])[]): SheetLayout {
  const headerRow = findHeaderRow(table, rows);
  return { headerRow, mapping: layoutFor(table, rows, headerRow).mapping };
}

/** The mapping suggested by a header row the person chose (none: nothing mapped). */
export function layoutFor(
  table: TableTemplate,
  rows: readonly (readonly SheetValue[])[],
  headerRow: number | null,
): SheetLayout {
  return { headerRow, mapping: suggestMapping(table, headerRow === null ? [] : (rows[headerRow] ?? [])) };
}

/** The sheet of a workbook the table most likely came from: the one whose header names the most columns. */
export function bestSheet(table: TableTemplate, sheets: readonly Sheet[]): number {
  let best = 0;
  let bestMapped = -1;
  sheets.forEach((sheet, index) => {
    const { mapping } = initialLayout(table, sheet.rows);
    const mapped = Object.values(mapping).filter((v) => v !== null).length;
    if (mapped > bestMapped) {
      best = index;
      bestMapped = mapped;
    }
  });
  return best;
}
