import { type CellEdit, DocumentWriteError, type TableModel } from "@karta/doc";
import { editErrorMessage } from "../messages.ts";
import { showToast } from "../ui/toasts.ts";

/**
 * Writes cells through the table model (one transaction, one undo step) and
 * turns a refused write into a Russian toast instead of an exception: the
 * model refuses values its template does not allow, and rows a colleague has
 * just deleted.
 */
export function writeCells(table: TableModel, edits: readonly CellEdit[]): boolean {
  if (edits.length === 0) return true;
  try {
    table.setCells(edits);
    return true;
  } catch (error) {
    if (!(error instanceof DocumentWriteError)) throw error;
    showToast(editErrorMessage(error.code), "error");
    return false;
  }
}
