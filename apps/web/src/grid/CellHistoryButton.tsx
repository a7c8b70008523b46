import { formatCell } from "@karta/domain";
import type { CellHistoryEntry, TableTemplate } from "@karta/schema";
import { useEffect, useRef, useState } from "react";
import { ApiRequestError } from "../api/http.ts";
import { fetchCellHistory } from "../api/workflowApi.ts";
import { messages } from "../messages.ts";
import type { CellAddress } from "./selection/rangeMath.ts";
import "../document/workflow.css";

const dateTime = new Intl.DateTimeFormat("ru-RU", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** «История ячейки» in the table's toolbar: who set which value of the selected cell, and when. */
export function CellHistoryButton({
  docId,
  table,
  cell,
}: {
  readonly docId: string;
  readonly table: TableTemplate;
  readonly cell: CellAddress | null;
}) {
  const [shown, setShown] = useState<{ title: string; lines: string[] } | string | null>(null);
  const root = useRef<HTMLSpanElement>(null);
  // Like any popover: a click elsewhere or Escape closes it.
  useEffect(() => {
    if (!shown) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== "Escape") return;
      if (event instanceof MouseEvent && root.current?.contains(event.target as Node)) return;
      setShown(null);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [shown]);
  const column = cell ? table.columns.find((c) => c.id === cell.colId) : undefined;
  const open = () => {
    if (!cell || !column) return;
    setShown(messages.changes.historyLoading);
    fetchCellHistory(docId, { table: table.id, rowId: cell.rowId, columnId: cell.colId })
      .then((entries: CellHistoryEntry[]) =>
        setShown({
          title: messages.changes.historyTitle(column.title),
          lines: entries.map((e) =>
            messages.changes.historyEntry(
              formatCell(e.value, column.type),
              e.by?.name ?? messages.changes.unknownAuthor,
              dateTime.format(new Date(e.at)),
            ),
          ),
        }),
      )
      .catch((e: unknown) => setShown(e instanceof ApiRequestError ? e.message : messages.changes.historyFailed));
  };
  return (
    <span className="k-cell-history" ref={root}>
      <button
        type="button"
        className="k-button k-button-small k-button-quiet"
        title={messages.changes.historyHint}
        disabled={!column || column.type.kind === "rowNumber"}
        data-testid="cell-history"
        onClick={() => (shown ? setShown(null) : open())}
      >
        {messages.changes.historyButton}
      </button>
      {shown && (
        <div className="k-cell-history-popover" data-testid="cell-history-popover" role="dialog">
          {typeof shown === "string" ? (
            <p className="k-muted">{shown}</p>
          ) : (
            <>
              <strong>{shown.title}</strong>
              {shown.lines.length === 0 ? (
                <p className="k-muted">{messages.changes.historyEmpty}</p>
              ) : (
                <ul>
                  {shown.lines.map((line, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, newest first
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      )}
    </span>
  );
}
