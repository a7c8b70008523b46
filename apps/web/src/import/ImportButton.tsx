import type { TableModel } from "@karta/doc";
import type { ImportMode } from "@karta/export";
import { lazy, type MouseEvent, Suspense, useState } from "react";
import type { LocalOrigin } from "../document/localOrigin.ts";
import type { GridSession } from "../grid/gridSession.ts";
import { messages } from "../messages.ts";
import { UploadIcon } from "../ui/icons.tsx";
import { showToast } from "../ui/toasts.ts";
import type { ImportedRows } from "./ImportDialog.tsx";
import { writeImport } from "./writeImport.ts";

/** The dialog and the readers (exceljs, papaparse, iconv-lite) load when first asked for. */
const ImportDialog = lazy(() => import("./ImportDialog.tsx"));

/**
 * «Загрузить из Excel» on a table's toolbar (editors only): the dialog checks
 * the file, then the rows are written with the page's origin in one
 * transaction, so one Ctrl+Z takes all of them back.
 */
export function ImportButton({
  table,
  origin,
  session,
}: {
  readonly table: TableModel;
  readonly origin: LocalOrigin;
  readonly session: GridSession | null;
}) {
  const [open, setOpen] = useState(false);
  const write = async (rows: ImportedRows, mode: ImportMode) => {
    session?.api.stopEditing();
    await writeImport(table, rows, mode, origin);
    setOpen(false);
    showToast(messages.import.done(rows.length));
  };
  return (
    <>
      <button
        type="button"
        className="k-tool"
        onMouseDown={(event: MouseEvent) => event.preventDefault()}
        onClick={() => setOpen(true)}
        title={messages.import.buttonHint}
        data-testid="import-open"
      >
        <UploadIcon />
        {messages.import.button}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ImportDialog
            table={table.template}
            existingRows={table.rowCount()}
            submitLabel={messages.import.submit}
            onImport={write}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
