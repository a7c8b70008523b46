import type { RowSnapshot, TableModel } from "@karta/doc";
import type { CellValue } from "@karta/schema";
import type {
  CellFocusedEvent,
  CellKeyDownEvent,
  ColDef,
  FullWidthCellKeyDownEvent,
  GetRowIdParams,
  GridReadyEvent,
  IRowNode,
  RowDragEndEvent,
  RowDragMoveEvent,
} from "ag-grid-community";
import { AgGridReact } from "ag-grid-react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useGridComments } from "../comments/useGridComments.ts";
import type { LocalOrigin } from "../document/localOrigin.ts";
import type { UndoController } from "../document/useUndoManager.ts";
import { dropFirstScreen } from "../firstScreen/firstScreen.ts";
import { messages } from "../messages.ts";
import type { PresenceStore } from "../presence/presenceStore.ts";
import { splitCellKey } from "../problems/problemCells.ts";
import type { CellFlagsStore } from "./cellFlags.ts";
import { useClipboardEvents } from "./clipboard/useClipboardEvents.ts";
import { buildColumnDefs } from "./columnDefs.ts";
import { writeEditedValue } from "./editedValue.ts";
import { GridRuntimeContext, useGridRuntime } from "./gridRuntime.ts";
import { GridSession } from "./gridSession.ts";
import { kartaGridTheme } from "./gridTheme.ts";
import { type GridKeyAction, gridKeyAction } from "./keymap.ts";
import { clearRange, extendSelection, selectAll, toggleFocusedCell } from "./rangeCommands.ts";
import { moveFocusedRow, moveRowTo } from "./rowCommands.ts";
import type { SelectionStore } from "./selection/selectionStore.ts";
import { useRangeMouse } from "./selection/useRangeMouse.ts";
import { totalRowData } from "./totalRowData.ts";
import { useRowFeed } from "./useRowFeed.ts";
import "./cells.css";

export interface TableGridProps {
  readonly table: TableModel;
  readonly origin: LocalOrigin;
  readonly presence: PresenceStore;
  readonly selection: SelectionStore;
  readonly undo: UndoController;
  /** The user may not change the table: it still selects, copies and shows colleagues' edits live. */
  readonly readOnly: boolean;
  /** Problems and overdue marks per cell (useTableInsights). */
  readonly flags: CellFlagsStore;
  /** Called with the session once the grid is ready, for the toolbar. */
  readonly onSession: (session: GridSession | null) => void;
  /** Called once the grid's first rows are drawn and painted. */
  readonly onRowsDrawn?: () => void;
}

const localeText = {
  ...messages.grid.agGrid,
  loadingOoo: messages.grid.loading,
};

/**
 * What an empty grid says: a filter may hide every row (none changed since
 * agreement), and a reader has no «Добавить строку» to press.
 */
function NoRowsOverlay() {
  const { readOnly, isFiltered } = useGridRuntime();
  const text = isFiltered()
    ? messages.grid.noRowsFiltered
    : readOnly
      ? messages.grid.noRowsReadOnly
      : messages.grid.noRows;
  return (
    <span className="k-grid-empty" data-testid="grid-empty">
      {text}
    </span>
  );
}

/**
 * The table as a spreadsheet. Yjs is the source of truth: the grid shows the
 * model's immutable rows and never edits them itself (defaultColDef's valueSetter); every
 * edit, paste, move and undo goes through the table model with this page's
 * origin. It receives the document handle and never opens a connection.
 */
export function TableGrid({
  table,
  origin,
  presence,
  selection,
  undo,
  readOnly,
  flags,
  onSession,
  onRowsDrawn,
}: TableGridProps) {
  const container = useRef<HTMLDivElement>(null);
  const [session, setSession] = useState<GridSession | null>(null);
  const [initialRows] = useState(() => table.rows() as RowSnapshot[]);
  const [initialTotals] = useState(() => totalRowData(table.template, table.rows()));
  const columnDefs = useMemo(
    () => buildColumnDefs(table.template, selection, readOnly, flags),
    [table, selection, readOnly, flags],
  );
  // A ref, so that the session's arrival does not give every cell a new context.
  const sessionRef = useRef<GridSession | null>(null);
  sessionRef.current = session;
  const runtime = useMemo(
    () => ({ table, presence, readOnly, flags, isFiltered: () => sessionRef.current?.isFiltered() ?? false }),
    [table, presence, readOnly, flags],
  );

  useRowFeed(session, container);
  useRangeMouse(container, session);
  useClipboardEvents(container, session, readOnly);
  useFlagRefresh(session, flags);
  useGridComments(container, session);

  const onGridReady = useCallback(
    (event: GridReadyEvent<RowSnapshot>) => {
      const created = new GridSession(event.api, table, selection, origin);
      setSession(created);
      onSession(created);
    },
    [table, selection, origin, onSession],
  );

  const onFirstDataRendered = useCallback(() => {
    // The grid's own rows paint in this frame: the first screen drawn in their place goes in the same one.
    dropFirstScreen();
    // After the frame that paints them.
    if (onRowsDrawn) requestAnimationFrame(() => setTimeout(onRowsDrawn, 0));
  }, [onRowsDrawn]);

  // An editor's value is written from the grid's own stopEditing, in the same task as the
  // keystroke that ends the edit: the cell is drawn again with the new value in the next frame.
  // (With readOnlyEdit the grid hands edits to onCellEditRequest in a setTimeout batch, like all
  // its grid-option events, and the old value came back on screen for a frame or two.) The rows
  // are the model's frozen snapshots: the setter writes the model, never the row, and returns
  // false, as the model's observer has already given the grid the new row (useRowFeed).
  const defaultColDef = useMemo<ColDef<RowSnapshot, CellValue>>(
    () => ({
      valueSetter: (params) => {
        const rowId = params.data?.id;
        if (rowId !== undefined && !readOnly && !params.node?.rowPinned)
          writeEditedValue(table, rowId, params.column.getColId(), params.newValue);
        return false;
      },
    }),
    [table, readOnly],
  );

  const onCellFocused = useCallback(
    (event: CellFocusedEvent<RowSnapshot>) => {
      if (event.rowIndex === null || event.column === null) return;
      // The total row is not part of the table: no range, no cursor shown to colleagues.
      if (event.rowPinned) {
        selection.clear();
        return;
      }
      const rowId = event.api.getDisplayedRowAtIndex(event.rowIndex)?.data?.id;
      const colId = typeof event.column === "string" ? event.column : event.column.getColId();
      if (rowId === undefined) return;
      presence.setCursor({ rowId, colId });
      const anchor = selection.getRange()?.anchor;
      if (anchor?.rowId !== rowId || anchor.colId !== colId) selection.select({ rowId, colId });
    },
    [presence, selection],
  );

  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<RowSnapshot> | FullWidthCellKeyDownEvent<RowSnapshot>) => {
      const keyboard = event.event;
      if (!session || !(keyboard instanceof KeyboardEvent) || session.isEditing()) return;
      const colId = "column" in event && !event.rowPinned ? event.column.getColId() : undefined;
      const cellKind = table.template.columns.find((c) => c.id === colId)?.type.kind;
      const action = gridKeyAction(keyboard, cellKind);
      if (!action) return;
      // The browser's default was prevented in the keydown (suppressGridKeys).
      if (readOnly && changesTable(action)) return;
      switch (action.kind) {
        case "undo":
          return undo.undo();
        case "redo":
          return undo.redo();
        case "clear":
          return clearRange(session);
        case "selectAll":
          return selectAll(session);
        case "extend":
          return extendSelection(session, action.rows, action.cols);
        case "moveRow":
          return moveFocusedRow(session, action.by);
        case "toggle":
          return toggleFocusedCell(session);
      }
    },
    [session, table, undo, readOnly],
  );

  const onRowDragMove = useCallback((event: RowDragMoveEvent<RowSnapshot>) => {
    const from = event.node.rowIndex;
    const over = event.overNode;
    if (from === null || !over || event.overIndex < 0 || event.overIndex === from) {
      event.api.setRowDropPositionIndicator({ row: null, dropIndicatorPosition: "none" });
      return;
    }
    event.api.setRowDropPositionIndicator({
      row: over,
      dropIndicatorPosition: event.overIndex > from ? "below" : "above",
    });
  }, []);

  const onRowDragEnd = useCallback(
    (event: RowDragEndEvent<RowSnapshot>) => {
      event.api.setRowDropPositionIndicator({ row: null, dropIndicatorPosition: "none" });
      const rowId = event.node.data?.id;
      if (!session || rowId === undefined || readOnly) return;
      const to = event.overIndex < 0 ? session.rows().length - 1 : event.overIndex;
      if (to !== event.node.rowIndex) moveRowTo(session, rowId, to);
    },
    [session, readOnly],
  );

  const clearDropIndicator = useCallback(
    (event: { api: GridSession["api"] }) =>
      event.api.setRowDropPositionIndicator({ row: null, dropIndicatorPosition: "none" }),
    [],
  );

  return (
    <GridRuntimeContext.Provider value={runtime}>
      <div ref={container} className="k-grid" data-testid="grid" data-read-only={readOnly ? "true" : undefined}>
        <AgGridReact<RowSnapshot>
          theme={kartaGridTheme}
          rowData={initialRows}
          pinnedBottomRowData={initialTotals}
          columnDefs={columnDefs}
          getRowId={rowIdOf}
          defaultColDef={defaultColDef}
          stopEditingWhenCellsLoseFocus
          enterNavigatesVerticallyAfterEdit
          onCellFocused={onCellFocused}
          onCellKeyDown={onCellKeyDown}
          onRowDragMove={onRowDragMove}
          onRowDragEnd={onRowDragEnd}
          onRowDragLeave={clearDropIndicator}
          onRowDragCancel={clearDropIndicator}
          onGridReady={onGridReady}
          onFirstDataRendered={onFirstDataRendered}
          localeText={localeText}
          noRowsOverlayComponent={NoRowsOverlay}
          ensureDomOrder
          animateRows
          tooltipShowDelay={600}
          suppressDragLeaveHidesColumns
        />
      </div>
    </GridRuntimeContext.Provider>
  );
}

/**
 * AG Grid reads a cell's tooltip when the cell refreshes, and a cell whose
 * value did not change is not refreshed: when a problem appears in another
 * cell (A+B+C+D changed, the total did not), its cell is refreshed here.
 */
function useFlagRefresh(session: GridSession | null, flags: CellFlagsStore): void {
  useEffect(() => {
    if (!session) return;
    return flags.subscribe(() => {
      const rowNodes: IRowNode<RowSnapshot>[] = [];
      const columns = new Set<string>();
      for (const key of flags.lastChanged()) {
        const { rowId, colId } = splitCellKey(key);
        const node = session.api.getRowNode(rowId);
        if (node) rowNodes.push(node);
        columns.add(colId);
      }
      if (rowNodes.length > 0) session.api.refreshCells({ rowNodes, columns: [...columns], force: true });
    });
  }, [session, flags]);
}

function rowIdOf(params: GetRowIdParams<RowSnapshot>): string {
  return params.data.id;
}

/** Whether a keyboard action would write to the table (refused when read-only): all but selecting. */
function changesTable(action: GridKeyAction): boolean {
  return action.kind !== "selectAll" && action.kind !== "extend";
}
