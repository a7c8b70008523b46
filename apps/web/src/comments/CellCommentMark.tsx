import { useCallback, useSyncExternalStore } from "react";
import { messages } from "../messages.ts";
import "./comments.css";
import { openCellThreads } from "./commentsNavigation.ts";
import { useCommentsPage } from "./commentsPage.ts";

const noop = () => () => {};

/**
 * The comment mark of one cell: a corner badge with the number of open
 * threads, or a faint corner when every thread there is resolved. The cell
 * subscribes to its own mark only; a click opens its threads.
 */
export function CellCommentMark({
  tableId,
  rowId,
  colId,
}: {
  readonly tableId: string;
  readonly rowId: string;
  readonly colId: string;
}) {
  const page = useCommentsPage();
  const getMark = useCallback(() => page?.marks.markAt(tableId, rowId, colId) ?? null, [page, tableId, rowId, colId]);
  const mark = useSyncExternalStore(page?.marks.subscribe ?? noop, getMark);
  if (!page || !mark) return null;
  const label = messages.comments.cellMark(mark.open);
  return (
    <button
      type="button"
      className={mark.open > 0 ? "k-comment-mark" : "k-comment-mark k-comment-mark-resolved"}
      data-testid="comment-mark"
      data-open={mark.open}
      title={label}
      aria-label={label}
      tabIndex={-1}
      onClick={(event) => {
        event.stopPropagation();
        openCellThreads(page, tableId, rowId, colId);
      }}
    >
      {mark.open > 0 ? mark.open : null}
    </button>
  );
}
