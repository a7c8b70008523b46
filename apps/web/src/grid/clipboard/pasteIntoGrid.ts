import { DocumentWriteError } from "@karta/doc";
import { type PastePlan, parseTsv, planPaste } from "@karta/domain";
import { editErrorMessage, messages } from "../../messages.ts";
import { showToast } from "../../ui/toasts.ts";
import type { GridSession } from "../gridSession.ts";

/**
 * Pastes clipboard text (TSV from Excel, LibreOffice or this grid) at the
 * selection: appended rows and cell writes go in one transaction, so one
 * Ctrl+Z takes the whole paste back and colleagues never see half of it.
 */
export function pasteIntoGrid(session: GridSession, text: string): void {
  const target = session.activeBounds();
  if (!target) return;
  const { table } = session;
  const plan = planPaste({
    matrix: parseTsv(text),
    rowIds: session.rows().map((r) => r.id),
    columns: table.template.columns,
    target,
  });
  if (plan.edits.length === 0 && plan.newRows.length === 0) {
    if (plan.skipped > 0) showToast(skippedMessage(session, plan), "error");
    return;
  }
  try {
    table.ydoc.transact(() => {
      if (plan.newRows.length > 0) table.insertRows(table.rowCount(), plan.newRows);
      table.setCells(plan.edits);
    }, session.origin);
  } catch (error) {
    if (!(error instanceof DocumentWriteError)) throw error;
    showToast(editErrorMessage(error.code), "error");
    return;
  }
  // New rows go at the table's end, which is also the end of the rows shown.
  const rows = session.rows();
  const topRow = rows[plan.pasted.top];
  const bottomRow = rows[Math.min(plan.pasted.bottom, rows.length - 1)];
  const left = session.colIds[plan.pasted.left];
  const right = session.colIds[plan.pasted.right];
  if (topRow && bottomRow && left !== undefined && right !== undefined) {
    session.selection.select({ rowId: topRow.id, colId: left }, { rowId: bottomRow.id, colId: right });
  }
  // New rows appear below the visible part of the table: bring them into view.
  if (plan.newRows.length > 0) session.api.ensureIndexVisible(Math.min(plan.pasted.bottom, rows.length - 1));
  if (plan.skipped > 0) showToast(skippedMessage(session, plan), "error");
  else if (plan.newRows.length > 0) showToast(messages.paste.addedRows(plan.newRows.length));
}

/** How many cells were not pasted and, when a column refused a value, the first one and why. */
function skippedMessage(session: GridSession, plan: PastePlan): string {
  const first = plan.refusals[0];
  const column = first && session.table.template.columns.find((c) => c.id === first.columnId);
  if (!first || !column) return messages.paste.skipped(plan.skipped);
  return messages.paste.refused(plan.skipped, messages.cells.refused(column.title, first.text, first.refusal));
}
