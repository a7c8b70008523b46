import { useEffect, useMemo, useRef } from "react";
import { goToCell } from "../comments/commentsNavigation.ts";
import type { CommentsPage } from "../comments/commentsPage.ts";
import { messages } from "../messages.ts";
import { type CellLink, parseCellLink } from "../router/cellLink.ts";
import { showToast } from "../ui/toasts.ts";

/** How often the page looks again for a linked cell's table and row while they are not there yet. */
const RETRY_MS = 100;

export type CellLinkOutcome =
  /** The cell is selected, scrolled to and focused. */
  | "selected"
  /** Its table is not drawn yet, or the grid has not received the row yet. */
  | "wait"
  /** The document has no such row (or table): deleted since the link was made, if the document is synced. */
  | "missing";

/** The part of a table on screen that finding the linked cell needs (a fake in the tests). */
export interface LinkedTable {
  readonly session: {
    readonly colIds: readonly string[];
    rows(): readonly { readonly id: string }[];
    readonly api: { getRowNode(id: string): unknown };
    firstEditableColId(): string;
  };
}

/**
 * One attempt at a link's cell: the table must be drawn and the grid hold the
 * row (the row feed follows the model a frame later); a column the table
 * does not know selects the row's first column one can type into.
 */
export function linkedCellTarget(
  link: CellLink,
  table: LinkedTable | undefined,
  templateHasTable: boolean,
): { readonly outcome: "wait" | "missing" } | { readonly outcome: "ready"; readonly column: string } {
  if (!templateHasTable) return { outcome: "missing" };
  if (!table) return { outcome: "wait" };
  const { session } = table;
  if (!session.rows().some((r) => r.id === link.row)) return { outcome: "missing" };
  if (!session.api.getRowNode(link.row)) return { outcome: "wait" };
  return {
    outcome: "ready",
    column: session.colIds.includes(link.column) ? link.column : session.firstEditableColId(),
  };
}

/**
 * `/d/<id>?table=&row=&column=` (a link from «Мониторинг»): once the
 * server's state has arrived (`synced`) and the grid holds the row, the cell
 * is selected, scrolled to and focused, once per page; missing then, the row
 * was deleted: a toast says so.
 */
export function useCellLink(page: CommentsPage | null, docId: string, synced: boolean): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the address is read once per document opened
  const link = useMemo(() => parseCellLink(window.location.search), [docId]);
  const settled = useRef(false);
  useEffect(() => {
    // The server's state first: rows drawn from this device's copy are drawn again as it arrives.
    if (!link || !page || !synced || settled.current) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let keepUntil = 0;
    const attempt = () => {
      timer = null;
      if (!settled.current) {
        const templateHasTable = page.document ? page.document.template.tables.some((t) => t.id === link.table) : true;
        const target = linkedCellTarget(link, page.ui.table(link.table), templateHasTable);
        if (target.outcome === "ready" && goToCell(page, link.table, link.row, target.column)) {
          settled.current = true;
          keepUntil = Date.now() + KEEP_FOCUS_MS;
        } else if (target.outcome === "missing" && page.document) {
          settled.current = true;
          showToast(messages.document.linkedRowGone, "error");
          return;
        }
      } else keepFocus(page, link);
      if (!settled.current || Date.now() < keepUntil) timer = setTimeout(attempt, RETRY_MS);
    };
    attempt();
    return () => {
      if (timer !== null) clearTimeout(timer);
    };
  }, [link, page, synced]);
}

/** How long after selecting it the linked cell gets the focus back if a redraw took it (and nobody else did). */
const KEEP_FOCUS_MS = 1_500;

/** A row redrawn (its flags, marks) loses the browser's focus; the grid still knows its focused cell. */
function keepFocus(page: CommentsPage, link: CellLink): void {
  const handle = page.ui.table(link.table);
  if (!handle) return;
  const active = document.activeElement;
  if (active !== null && active !== document.body) return;
  const focused = handle.session.api.getFocusedCell();
  if (!focused || focused.rowPinned) return;
  handle.session.api.setFocusedCell(focused.rowIndex, focused.column);
}
