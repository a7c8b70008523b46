import type { RowSnapshot } from "@karta/doc";
import { totalRow } from "@karta/domain";
import type { TableTemplate } from "@karta/schema";

/** The id of the pinned total row; row ids are random, never this. */
export const TOTAL_ROW_ID = "karta-total";

/**
 * The table's total row (template `totals`) as grid row data, for AG Grid's
 * pinnedBottomRowData: sums and shares from `totalRow`, never stored. Empty
 * for a table without totals.
 */
export function totalRowData(table: TableTemplate, rows: readonly RowSnapshot[]): RowSnapshot[] {
  const cells = totalRow(table, rows);
  return cells ? [{ id: TOTAL_ROW_ID, order: "", number: 0, cells }] : [];
}
