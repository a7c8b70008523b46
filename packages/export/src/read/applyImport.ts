import { TableModel } from "@karta/doc";
import { type CellValue, MAX_SYNC_MESSAGE_BYTES, type TableTemplate } from "@karta/schema";
import * as Y from "yjs";

/** «Добавить в конец» or «Заменить строки таблицы». */
export type ImportMode = "append" | "replace";

/** Room in a message for the y-websocket framing and, when replacing, the deletion of the old rows. */
const MESSAGE_MARGIN_BYTES = 64 * 1024;

/** The largest import (as the Yjs update of its rows) the server takes in one message. */
export const MAX_IMPORT_BYTES = MAX_SYNC_MESSAGE_BYTES - MESSAGE_MARGIN_BYTES;

/**
 * Writes an import's rows in one transaction with `origin` (the page's, so
 * one Ctrl+Z takes all of them back and colleagues never see half): appended
 * after the last row, or replacing every row of the table. Returns the new
 * rows' ids. The rows were checked by planImport; the model checks them again.
 */
export function applyImport(
  table: TableModel,
  rows: readonly Readonly<Record<string, CellValue>>[],
  mode: ImportMode,
  origin: unknown,
): string[] {
  let ids: string[] = [];
  table.ydoc.transact(() => {
    if (mode === "replace") table.deleteRows(table.rows().map((r) => r.id));
    ids = table.insertRows(mode === "replace" ? 0 : table.rowCount(), rows);
  }, origin);
  return ids;
}

/**
 * The size of the update that would carry these rows (written into an empty
 * document of the same table): one transaction is one websocket message,
 * and the server refuses one over MAX_SYNC_MESSAGE_BYTES (4413), so an import
 * over MAX_IMPORT_BYTES must be split by the person, not sent.
 */
export function importUpdateBytes(table: TableTemplate, rows: readonly Readonly<Record<string, CellValue>>[]): number {
  const scratch = new Y.Doc();
  new TableModel(scratch, table).insertRows(0, rows);
  return Y.encodeStateAsUpdate(scratch).byteLength;
}
