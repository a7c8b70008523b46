import type { TableModel } from "@karta/doc";
import { parseCell } from "@karta/domain";
import type { CellValue } from "@karta/schema";
import { messages } from "../messages.ts";
import { showToast } from "../ui/toasts.ts";
import { writeCells } from "./writeCells.ts";

/**
 * Writes the value a cell editor handed back through the table model. A
 * number column edits text («2,5», «1 234»): the one parser reads it, or the
 * value is refused with the reason in a toast and the cell keeps what it had.
 * Returns whether the value was written.
 */
export function writeEditedValue(table: TableModel, rowId: string, columnId: string, value: unknown): boolean {
  const column = table.template.columns.find((c) => c.id === columnId);
  if (column?.type.kind === "number" && typeof value === "string") {
    const parsed = parseCell(value, column.type);
    if (!parsed.ok) {
      showToast(messages.cells.refused(column.title, value, parsed.refusal), "error");
      return false;
    }
    return writeCells(table, [{ rowId, columnId, value: parsed.value }]);
  }
  return writeCells(table, [{ rowId, columnId, value: toCellValue(value) }]);
}

/** AG Grid editors hand back strings, numbers, booleans, null or undefined. */
function toCellValue(value: unknown): CellValue {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return null;
}
