import type { TableModel } from "@karta/doc";
import { useEffect } from "react";
import type { LocalOrigin } from "../document/localOrigin.ts";
import { messages } from "../messages.ts";
import { showToast } from "../ui/toasts.ts";
import { takeImport } from "./pendingImport.ts";
import { writeImport } from "./writeImport.ts";

/**
 * A document created «из файла» opens with its checked rows waiting: they are
 * written as soon as its table is editable, with this page's origin (so the
 * toolbar's undo and Ctrl+Z take them back in one step).
 */
export function useHeldImport(table: TableModel, origin: LocalOrigin, readOnly: boolean): void {
  useEffect(() => {
    if (readOnly) return;
    const rows = takeImport(origin.docId, table.template.id);
    if (!rows) return;
    writeImport(table, rows, "append", origin).then(
      () => showToast(messages.import.done(rows.length)),
      () => showToast(messages.import.failed, "error"),
    );
  }, [table, origin, readOnly]);
}
