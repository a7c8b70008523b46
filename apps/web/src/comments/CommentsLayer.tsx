import { useEffect, useRef } from "react";
import { createPortal } from "react-dom";
import { messages } from "../messages.ts";
import "./comments.css";
import { showToast } from "../ui/toasts.ts";
import { openCellThreads } from "./commentsNavigation.ts";
import { type CommentsPage, useCommentsSnapshot, useCommentsUi } from "./commentsPage.ts";
import type { CellMenu } from "./commentsUi.ts";
import { ThreadPopover } from "./ThreadPopover.tsx";

/** What floats over the document: a right-clicked cell's menu and the thread popover. */
export function CommentsLayer({ page }: { readonly page: CommentsPage }) {
  const state = useCommentsUi(page.ui);
  useRefusedToast(page);
  return (
    <>
      {state.menu && <CellContextMenu page={page} menu={state.menu} />}
      {state.popover && <ThreadPopover key={popoverKey(state.popover)} page={page} target={state.popover} />}
    </>
  );
}

function popoverKey(target: NonNullable<ReturnType<CommentsPage["ui"]["getState"]>["popover"]>): string {
  switch (target.kind) {
    case "cell":
      return `cell:${target.tableId}:${target.rowId}:${target.columnId}`;
    case "thread":
      return `thread:${target.threadId}`;
    case "draft":
      return `draft:${JSON.stringify(target.anchor)}`;
  }
}

/** The server refused a comment ("permission denied"): say so, once per refusal. */
function useRefusedToast(page: CommentsPage): void {
  const { refusals } = useCommentsSnapshot(page);
  useEffect(() => {
    if (refusals > 0) showToast(messages.comments.refused, "error");
  }, [refusals]);
}

/** «Комментировать» for a right-clicked cell (AG Grid community has no context menu of its own). */
function CellContextMenu({ page, menu }: { readonly page: CommentsPage; readonly menu: CellMenu }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    element.current?.querySelector("button")?.focus();
    const close = (event: Event) => {
      if (event.target instanceof Node && element.current?.contains(event.target)) return;
      page.ui.closeMenu();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") page.ui.closeMenu();
    };
    document.addEventListener("mousedown", close, true);
    // Not on scroll: focusing the right-clicked cell may scroll the grid to it.
    document.addEventListener("wheel", close, true);
    window.addEventListener("blur", close);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("mousedown", close, true);
      document.removeEventListener("wheel", close, true);
      window.removeEventListener("blur", close);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [page]);
  const open = () => {
    page.ui.closeMenu();
    openCellThreads(page, menu.tableId, menu.rowId, menu.columnId);
  };
  const hasThreads = page.marks.markAt(menu.tableId, menu.rowId, menu.columnId) !== null;
  return createPortal(
    <div
      ref={element}
      className="k-context-menu"
      role="menu"
      aria-label={messages.comments.menuLabel}
      data-testid="cell-menu"
      style={{
        left: Math.min(menu.x, window.innerWidth - 240),
        top: Math.min(menu.y, window.innerHeight - 60),
      }}
    >
      {page.canComment ? (
        <button type="button" role="menuitem" className="k-context-menu-item" onClick={open}>
          <span>{messages.comments.comment}</span>
          <kbd>Ctrl+Alt+M</kbd>
        </button>
      ) : (
        hasThreads && (
          <button type="button" role="menuitem" className="k-context-menu-item" onClick={open}>
            {messages.comments.showThread}
          </button>
        )
      )}
    </div>,
    document.body,
  );
}
