import { useCallback, useSyncExternalStore } from "react";
import { messages } from "../messages.ts";
import { useEvidencePage } from "./evidencePage.ts";
import "./evidence.css";

const noop = () => () => {};

/** A paperclip in a row's evidence cell, with how many files and links the row has; a click opens their list. */
export function EvidenceCellMark({ tableId, rowId }: { readonly tableId: string; readonly rowId: string }) {
  const page = useEvidencePage();
  const getCount = useCallback(() => page?.model.countAt({ table: tableId, rowId }) ?? 0, [page, tableId, rowId]);
  const count = useSyncExternalStore(page?.model.subscribe ?? noop, getCount);
  if (!page) return null;
  const label = messages.evidence.cellMark(count);
  return (
    <button
      type="button"
      className={count > 0 ? "k-evidence-mark k-evidence-mark-some" : "k-evidence-mark"}
      data-testid="evidence-mark"
      data-count={count}
      title={label}
      aria-label={label}
      tabIndex={-1}
      onMouseDown={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
      onClick={(event) => {
        event.stopPropagation();
        page.model.openRow({ table: tableId, rowId });
      }}
    >
      <PaperclipIcon />
      {count > 0 && <span className="k-evidence-count">{count}</span>}
    </button>
  );
}

export function PaperclipIcon() {
  return (
    <svg
      aria-hidden="true"
      width="14"
      height="14"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M13.5 7.5 8 13a3.5 3.5 0 0 1-5-5l6-6a2.3 2.3 0 0 1 3.3 3.3l-6 6a1.2 1.2 0 0 1-1.7-1.7L10 4" />
    </svg>
  );
}
