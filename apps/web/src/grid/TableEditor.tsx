import type { KartaDocument } from "@karta/doc";
import { useCallback, useMemo, useState, useSyncExternalStore } from "react";
import type { TableChanges } from "../document/agreedChanges.ts";
import type { LocalOrigin } from "../document/localOrigin.ts";
import { useUndoManager } from "../document/useUndoManager.ts";
import { ImportButton } from "../import/ImportButton.tsx";
import { useHeldImport } from "../import/useHeldImport.ts";
import type { PresenceStore } from "../presence/presenceStore.ts";
import { ProblemsList } from "../problems/ProblemsList.tsx";
import type { ProblemCell } from "../problems/problemCells.ts";
import { CellHistoryButton } from "./CellHistoryButton.tsx";
import { useChangedRowsFilter } from "./changedRowsFilter.ts";
import { DeletedRowsList } from "./DeletedRowsList.tsx";
import type { GridSession } from "./gridSession.ts";
import { offersRiskProgramme, RiskProgrammeAction } from "./RiskProgrammeAction.tsx";
import { addRowBelow, deleteSelectedRows } from "./rowCommands.ts";
import { StatusBar } from "./StatusBar.tsx";
import { SelectionStore } from "./selection/selectionStore.ts";
import { TableGrid } from "./TableGrid.tsx";
import { Toolbar } from "./Toolbar.tsx";
import { useTableInsights } from "./useTableInsights.ts";
import "./grid.css";

export interface TableEditorProps {
  readonly document: KartaDocument;
  /** Which of the template's tables this is. */
  readonly tableId: string;
  readonly origin: LocalOrigin;
  readonly presence: PresenceStore;
  /** The user may not change the table: no editing, no row buttons, no paste; colleagues' edits still show. */
  readonly readOnly: boolean;
  /** The document's year, once the server has said it: deadlines without a year fall in it. */
  readonly year?: number | null;
  /** What differs from the agreed version in this table (null: not agreed, or nothing to compare). */
  readonly changes?: TableChanges | null;
  /** «конфликт правок» sentences of this table's cells, by cellKey. */
  readonly conflicts?: ReadonlyMap<string, string> | null;
  /** «Только изменённые строки»: the grid shows only rows that differ from the agreed version. */
  readonly onlyChanged?: boolean;
}

/** One table of the document with its toolbar: one undo history (of this table) and one selection for both. */
export function TableEditor({
  document,
  tableId,
  origin,
  presence,
  readOnly,
  year = null,
  changes = null,
  conflicts = null,
  onlyChanged = false,
}: TableEditorProps) {
  const table = useMemo(() => document.table(tableId), [document, tableId]);
  const undo = useUndoManager(document, origin, tableId);
  const [selection] = useState(() => new SelectionStore());
  const [session, setSession] = useState<GridSession | null>(null);
  const bounds = useSyncExternalStore(
    (listener) => selection.subscribe(listener),
    () => selection.getBounds(),
  );
  // Problems and marks are found once the grid has drawn its first rows (useTableInsights).
  const [drawn, setDrawn] = useState(false);
  const onRowsDrawn = useCallback(() => setDrawn(true), []);
  const insights = useTableInsights(table, year, changes, conflicts, drawn);
  useHeldImport(table, origin, readOnly);
  useChangedRowsFilter(session, changes, onlyChanged);

  const onAddRow = useCallback(() => {
    if (!session || readOnly) return;
    session.api.stopEditing();
    addRowBelow(session);
  }, [session, readOnly]);

  const onDeleteRows = useCallback(() => {
    if (!session || readOnly) return;
    session.api.stopEditing(true);
    deleteSelectedRows(session);
  }, [session, readOnly]);

  const onSelectProblem = useCallback(
    ({ rowId, colId }: ProblemCell) => {
      if (!session) return;
      const index = session.rows().findIndex((r) => r.id === rowId);
      if (index < 0) return;
      session.api.stopEditing();
      selection.select({ rowId, colId });
      session.focusCell(index, colId);
    },
    [session, selection],
  );

  const actions = (
    <>
      {!readOnly && <ImportButton table={table} origin={origin} session={session} />}
      {offersRiskProgramme(document.template.id, tableId) && (
        <RiskProgrammeAction
          documentId={origin.docId}
          row={bounds && session ? session.rows()[bounds.top] : undefined}
          readOnly={readOnly}
        />
      )}
      <CellHistoryButton
        docId={origin.docId}
        table={table.template}
        cell={bounds ? (selection.getRange()?.anchor ?? null) : null}
      />
    </>
  );

  return (
    <>
      <Toolbar
        actions={actions}
        readOnly={readOnly}
        undo={undo}
        onAddRow={onAddRow}
        onDeleteRows={onDeleteRows}
        rowsToDelete={bounds ? bounds.bottom - bounds.top + 1 : 0}
      />
      <TableGrid
        table={table}
        origin={origin}
        presence={presence}
        selection={selection}
        undo={undo}
        readOnly={readOnly}
        flags={insights.flags}
        onSession={setSession}
        onRowsDrawn={onRowsDrawn}
      />
      <ProblemsList
        table={table.template}
        rows={insights.rows}
        problems={insights.problems}
        onSelect={onSelectProblem}
      />
      {changes && <DeletedRowsList table={table.template} rows={changes.deletedRows} />}
      <StatusBar table={table} session={session} bounds={bounds} />
    </>
  );
}
