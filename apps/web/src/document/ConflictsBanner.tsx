import type { KartaDocument } from "@karta/doc";
import { formatCell } from "@karta/domain";
import type { CellConflictJson, CellValue } from "@karta/schema";
import { useState } from "react";
import { ApiRequestError } from "../api/http.ts";
import { resolveConflict } from "../api/workflowApi.ts";
import { messages } from "../messages.ts";
import { cellKey } from "../problems/problemCells.ts";
import { showToast } from "../ui/toasts.ts";
import "./workflow.css";

/** Where a conflict is and how its two values read: «Строка 3, «Участники»». */
export function describeConflict(document: KartaDocument, conflict: CellConflictJson) {
  const table = document.template.tables.find((t) => t.id === conflict.table);
  const column = table?.columns.find((c) => c.id === conflict.columnId);
  const text = (value: CellValue) => (column ? formatCell(value, column.type) : String(value ?? ""));
  let rowNumber = 0;
  if (table)
    rowNumber =
      document
        .table(table.id)
        .rows()
        .find((r) => r.id === conflict.rowId)?.number ?? 0;
  return {
    place: messages.changes.conflictPlace(rowNumber, column?.title ?? conflict.columnId),
    kept: text(conflict.kept.value),
    lost: text(conflict.lost.value),
    keptBy: conflict.kept.by?.name ?? messages.changes.unknownAuthor,
    lostBy: conflict.lost.by?.name ?? messages.changes.unknownAuthor,
  };
}

/** Each conflict's sentence on its cell: by table, then by cellKey. */
export function conflictMarksOf(
  document: KartaDocument,
  conflicts: readonly CellConflictJson[],
): Map<string, Map<string, string>> {
  const marks = new Map<string, Map<string, string>>();
  for (const conflict of conflicts) {
    const d = describeConflict(document, conflict);
    const table = marks.get(conflict.table) ?? new Map<string, string>();
    table.set(
      cellKey(conflict.rowId, conflict.columnId),
      messages.changes.conflictMark(d.kept, d.keptBy, d.lost, d.lostBy),
    );
    marks.set(conflict.table, table);
  }
  return marks;
}

/**
 * «Конфликт правок»: each cell two people set apart, both values with their
 * authors; an editor keeps one of them.
 */
export function ConflictsBanner({
  docId,
  document,
  conflicts,
  canResolve,
  onResolved,
}: {
  readonly docId: string;
  readonly document: KartaDocument;
  readonly conflicts: readonly CellConflictJson[];
  readonly canResolve: boolean;
  readonly onResolved: () => void;
}) {
  const [busy, setBusy] = useState(false);
  if (conflicts.length === 0) return null;
  const keep = (conflict: CellConflictJson, value: CellValue) => {
    setBusy(true);
    resolveConflict(docId, conflict.id, value)
      .then(() => {
        showToast(messages.changes.conflictResolved);
        onResolved();
      })
      .catch((e: unknown) =>
        showToast(e instanceof ApiRequestError ? e.message : messages.changes.conflictFailed, "error"),
      )
      .finally(() => setBusy(false));
  };
  return (
    <div className="k-banner k-banner-conflict" role="alert" data-testid="conflicts-banner">
      <div className="k-conflicts">
        <strong title={messages.changes.conflictHint}>{messages.changes.conflictTitle(conflicts.length)}</strong>
        {conflicts.map((conflict) => {
          const d = describeConflict(document, conflict);
          return (
            <div key={conflict.id} className="k-conflict" data-testid="conflict">
              <span>
                {d.place}: {messages.changes.conflictValues(d.kept, d.keptBy, d.lost, d.lostBy)}
              </span>
              {canResolve && (
                <>
                  <button
                    type="button"
                    className="k-button k-button-small"
                    disabled={busy}
                    onClick={() => keep(conflict, conflict.kept.value)}
                  >
                    {messages.changes.conflictKeep(d.kept)}
                  </button>
                  <button
                    type="button"
                    className="k-button k-button-small"
                    disabled={busy}
                    onClick={() => keep(conflict, conflict.lost.value)}
                  >
                    {messages.changes.conflictKeep(d.lost)}
                  </button>
                </>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
