import type { RowSnapshot } from "@karta/doc";
import { enumTone, formatCell } from "@karta/domain";
import type { CellValue, ColumnType } from "@karta/schema";
import type { CustomCellRendererProps } from "ag-grid-react";
import { useCallback, useSyncExternalStore } from "react";
import { CellCommentMark } from "../comments/CellCommentMark.tsx";
import { EvidenceCellMark } from "../evidence/EvidenceCellMark.tsx";
import { messages } from "../messages.ts";
import { useGridRuntime } from "./gridRuntime.ts";
import { PresenceMark } from "./PresenceMark.tsx";
import { writeCells } from "./writeCells.ts";

export interface CellViewParams {
  readonly columnType: ColumnType;
  /** The template's evidence column: the cell shows the row's paperclip. */
  readonly evidence?: boolean;
}

/**
 * Every cell of the table: its text as a person reads it (line breaks kept)
 * and the marks of colleagues who have selected it. Each cell subscribes to
 * its own address in the presence store, so a colleague moving around
 * re-renders only the cells they leave and enter.
 */
export function CellView(props: CustomCellRendererProps<RowSnapshot, CellValue> & CellViewParams) {
  const { presence, table, readOnly, flags } = useGridRuntime();
  const rowId = props.data?.id;
  const colId = props.column?.getColId();
  const getPeers = useCallback(
    () => (rowId !== undefined && colId !== undefined ? presence.peersAt(rowId, colId) : presence.peersAt("", "")),
    [presence, rowId, colId],
  );
  const peers = useSyncExternalStore(presence.subscribe, getPeers);
  const getFlag = useCallback(
    () => (rowId !== undefined && colId !== undefined ? flags.flagAt(rowId, colId) : null),
    [flags, rowId, colId],
  );
  const flag = useSyncExternalStore(flags.subscribe, getFlag);
  const { columnType } = props;

  let content: React.ReactNode;
  if (columnType.kind === "boolean") {
    const toggle = () => {
      if (!readOnly && rowId !== undefined && colId !== undefined) {
        writeCells(table, [{ rowId, columnId: colId, value: props.value !== true }]);
      }
    };
    content = (
      <input
        type="checkbox"
        className="k-cell-checkbox"
        checked={props.value === true}
        onChange={toggle}
        disabled={readOnly}
        tabIndex={-1}
        aria-label={props.value === true ? messages.grid.yes : messages.grid.no}
      />
    );
  } else if (columnType.kind === "enum" && typeof props.value === "string") {
    content = (
      <span className="k-cell-text">
        <span className={`k-pill k-pill-${enumTone(columnType.options, props.value)}`}>{props.value}</span>
      </span>
    );
  } else {
    const text = props.valueFormatted ?? formatCell(props.value, columnType);
    // The badge sits outside .k-cell-text, which holds exactly the cell's text.
    content = flag?.overdue ? (
      <span className="k-cell-overdue" data-testid="cell-overdue">
        <span className="k-cell-text">{text}</span>
        <span className="k-overdue-badge">{messages.cells.overdueBadge}</span>
      </span>
    ) : (
      <span className="k-cell-text">{text}</span>
    );
  }
  const problems = flag?.problems ?? [];
  return (
    <>
      {content}
      {flag?.conflict && (
        <span className="k-cell-conflict" data-testid="cell-conflict" role="img" aria-label={flag.conflict} />
      )}
      {flag?.changed && (
        <span className="k-cell-changed" data-testid="cell-changed" role="img" aria-label={flag.changed} />
      )}
      {problems.length > 0 && (
        <span className="k-cell-problem" data-testid="cell-problem" role="img" aria-label={problems.join(" ")} />
      )}
      {peers.length > 0 && <PresenceMark peers={peers} />}
      {rowId !== undefined && colId !== undefined && (
        <CellCommentMark tableId={table.template.id} rowId={rowId} colId={colId} />
      )}
      {props.evidence && rowId !== undefined && !props.node?.rowPinned && (
        <EvidenceCellMark tableId={table.template.id} rowId={rowId} />
      )}
    </>
  );
}
