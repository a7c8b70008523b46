import type { RowSnapshot } from "@karta/doc";
import { formatCell, formatPercent, pinnedColumnIds, sharePercent } from "@karta/domain";
import { type CellValue, type ColumnTemplate, MAX_CELL_TEXT_LENGTH, type TableTemplate } from "@karta/schema";
import type {
  CellClassRules,
  ColDef,
  EditableCallbackParams,
  ICellEditorParams,
  ITooltipParams,
  SuppressKeyboardEventParams,
} from "ag-grid-community";
import { messages } from "../messages.ts";
import { CellView, type CellViewParams } from "./CellView.tsx";
import { type CellFlagsStore, flagTooltip } from "./cellFlags.ts";
import { DEFAULT_COLUMN_WIDTH, NUMBER_COLUMN_WIDTH } from "./columnWidths.ts";
import { gridKeyAction } from "./keymap.ts";
import { matchOption } from "./optionMatch.ts";
import { PeopleCellEditor } from "./people/PeopleCellEditor.tsx";
import { containsCell, isSingleCell } from "./selection/rangeMath.ts";
import type { SelectionStore } from "./selection/selectionStore.ts";

type Col = ColDef<RowSnapshot, CellValue>;

/**
 * AG Grid columns for a template table. Columns keep the template's order
 * (no moving, no sorting: row order is the document's order), № is derived
 * from the row's position and carries the drag handle. Computed columns
 * (№, shares) and the pinned total row are never editable; a cell's flags
 * (problems, overdue) become its tooltip. № and the main text column stay
 * pinned on the left while the rest scrolls sideways (pinnedColumnIds).
 */
export function buildColumnDefs(
  table: TableTemplate,
  selection: SelectionStore,
  readOnly = false,
  flags?: CellFlagsStore,
): Col[] {
  const byId = new Map(table.columns.map((c) => [c.id, c]));
  const pinned = pinnedColumnIds(table);
  return table.columns.map((column, index) => {
    const typed: Col = { ...baseColumn(column, index, selection), ...typedColumn(column, byId) };
    // A pinned column keeps its preferred width: only the scrolling columns grow to fill the screen.
    const def: Col = pinned.has(column.id)
      ? {
          ...typed,
          pinned: "left",
          lockPinned: true,
          flex: 0,
          width: typed.width ?? column.width ?? DEFAULT_COLUMN_WIDTH,
        }
      : typed;
    const tooltip = def.tooltipValueGetter;
    const withFlags: Col = {
      ...def,
      tooltipValueGetter: (p: ITooltipParams<RowSnapshot, CellValue>) => {
        const flagged =
          flags && p.data && !p.node?.rowPinned ? flagTooltip(flags.flagAt(p.data.id, column.id)) : undefined;
        if (flagged) return flagged;
        // Read-only: rows cannot be dragged, so № says nothing.
        if (readOnly && column.type.kind === "rowNumber") return undefined;
        if (p.node?.rowPinned && column.type.kind !== "share") return messages.cells.totalRow;
        return tooltip ? tooltip(p) : undefined;
      },
    };
    // Read-only: nothing opens an editor and rows cannot be dragged; cells still select and copy.
    return readOnly ? { ...withFlags, editable: false, rowDrag: false } : withFlags;
  });
}

/** Cells of the pinned total row are computed: only the table's own rows open an editor. */
function inTableRow(params: EditableCallbackParams<RowSnapshot, CellValue>): boolean {
  return !params.node.rowPinned;
}

function baseColumn(column: ColumnTemplate, index: number, selection: SelectionStore): Col {
  return {
    colId: column.id,
    headerName: column.title,
    headerTooltip: column.title,
    // Columns grow in proportion to their preferred widths to fill the screen,
    // and never shrink below them (the grid scrolls sideways instead).
    flex: column.width ?? DEFAULT_COLUMN_WIDTH,
    minWidth: column.width ?? DEFAULT_COLUMN_WIDTH,
    valueGetter: (p) => p.data?.cells[column.id] ?? null,
    valueFormatter: (p) => formatCell(p.value, column.type),
    cellRenderer: CellView,
    cellRendererParams: { columnType: column.type, evidence: column.evidence === true } satisfies CellViewParams,
    cellClassRules: rangeClassRules(index, selection),
    suppressKeyboardEvent: (params) => suppressGridKeys(params, column.type.kind),
    sortable: false,
    suppressMovable: true,
    resizable: true,
    wrapHeaderText: true,
    autoHeaderHeight: true,
  };
}

function typedColumn(column: ColumnTemplate, byId: ReadonlyMap<string, ColumnTemplate>): Col {
  const type = column.type;
  const wrapped: Col = { wrapText: true, autoHeight: true, cellDataType: "text" };
  switch (type.kind) {
    case "rowNumber":
      return {
        // The total row has no number.
        valueGetter: (p) => (p.node?.rowPinned ? null : (p.data?.number ?? null)),
        valueFormatter: (p) => (p.value === null || p.value === undefined ? "" : String(p.value)),
        editable: false,
        rowDrag: true,
        pinned: "left",
        flex: 0,
        // Room for the drag handle and a three-digit number.
        width: Math.max(column.width ?? 0, NUMBER_COLUMN_WIDTH),
        minWidth: NUMBER_COLUMN_WIDTH,
        lockPinned: true,
        resizable: false,
        cellDataType: "number",
        cellClass: "k-cell-number",
        tooltipValueGetter: () => messages.grid.dragRow,
      };
    case "text":
      return {
        ...wrapped,
        editable: inTableRow,
        cellEditor: "agTextCellEditor",
        cellEditorParams: { maxLength: MAX_CELL_TEXT_LENGTH },
      };
    case "longText":
    case "period":
      return {
        ...wrapped,
        editable: inTableRow,
        cellEditor: "agLargeTextCellEditor",
        cellEditorPopup: true,
        cellEditorParams: { maxLength: MAX_CELL_TEXT_LENGTH, rows: 8, cols: 56 },
      };
    case "people":
      // Free text, plus a picker of people from the directory (grid/people/).
      return {
        ...wrapped,
        editable: inTableRow,
        cellEditor: PeopleCellEditor,
        cellEditorPopup: true,
        cellEditorParams: { maxLength: MAX_CELL_TEXT_LENGTH },
      };
    case "enum":
      return {
        ...wrapped,
        editable: inTableRow,
        cellEditor: "agSelectCellEditor",
        // The empty first option lets a person clear the cell. A letter typed on the selected
        // cell opens the list with the first option beginning with it picked («с» → «средняя»):
        // opened as Enter opens it (AG Grid shows the list only then), so one Enter keeps the
        // option, the arrows move to another and Esc leaves the cell as it was.
        cellEditorParams: (params: ICellEditorParams<RowSnapshot, CellValue>) => {
          const values = ["", ...type.options];
          const typed = params.eventKey;
          if (typed?.length !== 1) return { values };
          const picked = matchOption(type.options, typed);
          return picked === undefined ? { values, eventKey: "Enter" } : { values, value: picked, eventKey: "Enter" };
        },
      };
    case "number":
      // A text editor, read by parseCell (TableGrid): AG Grid's number input drops the comma
      // of «2,5» (it became 25) and cuts «2.5» to 2 in a count; the text starts as shown («55,2»).
      return {
        editable: inTableRow,
        cellDataType: "text",
        cellEditor: "agTextCellEditor",
        cellEditorParams: { useFormatter: true },
        cellClass: "k-cell-numeric",
      };
    case "date":
      return { editable: inTableRow, cellDataType: "dateString", cellEditor: "agDateStringCellEditor" };
    case "boolean":
      return { editable: inTableRow, cellDataType: "boolean", cellEditor: "agCheckboxCellEditor" };
    case "share": {
      // Computed from two number columns of the row (DOMAIN §7), never typed.
      const hint = messages.cells.computedShare(
        byId.get(type.part)?.title ?? type.part,
        byId.get(type.whole)?.title ?? type.whole,
      );
      return {
        editable: false,
        cellDataType: "number",
        valueGetter: (p) => (p.data ? sharePercent(p.data.cells[type.part], p.data.cells[type.whole]) : null),
        valueFormatter: (p) => (typeof p.value === "number" ? formatPercent(p.value) : ""),
        cellClass: "k-cell-numeric k-cell-computed",
        headerClass: "k-header-computed",
        headerTooltip: `${column.title}. ${hint}`,
        tooltipValueGetter: () => hint,
      };
    }
  }
}

/** Classes that paint the selected rectangle: a tint inside and a frame on its edges. */
function rangeClassRules(colIndex: number, selection: SelectionStore): CellClassRules<RowSnapshot, CellValue> {
  const inRange = (rowIndex: number | null) => {
    const b = selection.getBounds();
    return b !== null && !isSingleCell(b) && rowIndex !== null && containsCell(b, rowIndex, colIndex) ? b : null;
  };
  return {
    "k-range": (p) => inRange(p.rowIndex) !== null,
    "k-range-top": (p) => inRange(p.rowIndex)?.top === p.rowIndex,
    "k-range-bottom": (p) => inRange(p.rowIndex)?.bottom === p.rowIndex,
    "k-range-left": (p) => inRange(p.rowIndex)?.left === colIndex,
    "k-range-right": (p) => inRange(p.rowIndex)?.right === colIndex,
  };
}

/** Keeps AG Grid away from the keys the grid handles itself (see keymap.ts). */
function suppressGridKeys(
  params: SuppressKeyboardEventParams<RowSnapshot, CellValue>,
  kind: ColumnTemplate["type"]["kind"],
): boolean {
  // The pinned total row is computed: Space there is left to AG Grid (which does nothing with it).
  const cellKind = params.node.rowPinned ? undefined : kind;
  if (params.editing || gridKeyAction(params.event, cellKind) === null) return false;
  // Here, inside the keydown itself: AG Grid raises cellKeyDown (where the action runs) too
  // late to stop the browser's own Ctrl+A (selecting the whole page) or Ctrl+Z.
  params.event.preventDefault();
  return true;
}
