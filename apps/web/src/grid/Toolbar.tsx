import type { MouseEvent, ReactNode } from "react";
import type { UndoController } from "../document/useUndoManager.ts";
import { messages } from "../messages.ts";
import { AddRowIcon, DeleteRowIcon, RedoIcon, UndoIcon } from "../ui/icons.tsx";

export interface ToolbarProps {
  /** Nothing to change: the toolbar only says so. */
  readonly readOnly: boolean;
  readonly undo: UndoController;
  readonly onAddRow: () => void;
  readonly onDeleteRows: () => void;
  /** How many rows «Удалить» would delete (0: nothing selected). */
  readonly rowsToDelete: number;
  /** Actions of this kind of document (e.g. a risk profile's «Создать антирисковую программу»). */
  readonly actions?: ReactNode;
}

/** Buttons keep keyboard focus in the grid, so shortcuts keep working after a click. */
const keepFocus = (event: MouseEvent) => event.preventDefault();

export function Toolbar({ readOnly, undo, onAddRow, onDeleteRows, rowsToDelete, actions }: ToolbarProps) {
  if (readOnly) {
    return (
      <div className="k-toolbar" role="toolbar" aria-label={messages.toolbar.label} data-read-only="true">
        <span className="k-readonly-badge" data-testid="read-only-badge">
          {messages.document.readOnlyBadge}
        </span>
        {actions}
        <span className="k-toolbar-hint">{messages.toolbar.readOnlyHint}</span>
      </div>
    );
  }
  return (
    <div className="k-toolbar" role="toolbar" aria-label={messages.toolbar.label}>
      <button
        type="button"
        className="k-tool"
        onMouseDown={keepFocus}
        onClick={onAddRow}
        title={messages.toolbar.addRowHint}
      >
        <AddRowIcon />
        {messages.toolbar.addRow}
      </button>
      <button
        type="button"
        className="k-tool"
        onMouseDown={keepFocus}
        onClick={onDeleteRows}
        disabled={rowsToDelete === 0}
      >
        <DeleteRowIcon />
        {rowsToDelete > 1 ? messages.toolbar.deleteRows(rowsToDelete) : messages.toolbar.deleteRow}
      </button>
      <span className="k-tool-separator" aria-hidden />
      <button
        type="button"
        className="k-tool"
        onMouseDown={keepFocus}
        onClick={undo.undo}
        disabled={!undo.canUndo}
        title={messages.toolbar.undoHint}
      >
        <UndoIcon />
        {messages.toolbar.undo}
      </button>
      <button
        type="button"
        className="k-tool"
        onMouseDown={keepFocus}
        onClick={undo.redo}
        disabled={!undo.canRedo}
        title={messages.toolbar.redoHint}
      >
        <RedoIcon />
        {messages.toolbar.redo}
      </button>
      {actions && <span className="k-tool-separator" aria-hidden />}
      {actions}
      <span className="k-toolbar-hint">{messages.toolbar.keyboardHint}</span>
    </div>
  );
}
