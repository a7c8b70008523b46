import { findColumn } from "@karta/schema";
import type { KartaDocument } from "../document.ts";
import { type CellAnchor, MAX_QUOTE_LENGTH } from "./commentsSchema.ts";

/**
 * The anchor of a thread on a cell. It names the row by id, so the thread
 * follows the row wherever it moves; `quote` keeps what the row was about
 * (its first text that is not a number), so a thread whose row was deleted
 * still says what it discussed.
 */
export function cellAnchorFor(document: KartaDocument, tableId: string, rowId: string, columnId: string): CellAnchor {
  const table = document.table(tableId);
  const row = table.rows().find((r) => r.id === rowId);
  const quote = row
    ? (table.template.columns.map((c) => row.cells[c.id]).find((v) => typeof v === "string" && v.trim() !== "") ?? "")
    : "";
  return { kind: "cell", table: tableId, rowId, columnId, quote: String(quote).slice(0, MAX_QUOTE_LENGTH) };
}

/** Where a cell anchor stands now: the row's № (null once the row was deleted) and the column's title. */
export function locateCellAnchor(
  document: KartaDocument,
  anchor: CellAnchor,
): { rowNumber: number | null; columnTitle: string; tableTitle: string } {
  const tableTemplate = document.template.tables.find((t) => t.id === anchor.table);
  if (!tableTemplate) return { rowNumber: null, columnTitle: anchor.columnId, tableTitle: anchor.table };
  const row = document
    .table(anchor.table)
    .rows()
    .find((r) => r.id === anchor.rowId);
  return {
    rowNumber: row?.number ?? null,
    columnTitle: findColumn(tableTemplate, anchor.columnId)?.title ?? anchor.columnId,
    tableTitle: tableTemplate.title,
  };
}
