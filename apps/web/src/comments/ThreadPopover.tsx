import type { Anchor, ThreadView } from "@karta/doc";
import { useCallback, useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { messages } from "../messages.ts";
import { rowQuote } from "./anchorText.ts";
import { CommentComposer } from "./CommentComposer.tsx";
import { cellElement } from "./commentsNavigation.ts";
import { type CommentsPage, useThreads, writeComments } from "./commentsPage.ts";
import type { PopoverTarget } from "./commentsUi.ts";
import { ThreadCard } from "./ThreadCard.tsx";
import { useAnchorPlaces } from "./useAnchorPlaces.ts";
import { useFloatingPlacement } from "./useFloatingPlacement.ts";

/**
 * A cell's or a phrase's threads, beside it: the comments, a reply box,
 * resolving; for a cell or phrase without one yet, the box for the first
 * comment. Esc or a click elsewhere closes it.
 */
export function ThreadPopover({ page, target }: { readonly page: CommentsPage; readonly target: PopoverTarget }) {
  const threads = useThreads(page);
  const places = useAnchorPlaces(page.document, threads);
  const box = useRef<HTMLDivElement>(null);
  const lastRect = useRef<DOMRect | null>(null);

  const shown = threadsOf(target, threads);
  const thread = target.kind === "thread" ? shown[0] : undefined;
  const anchorOfTarget: Anchor | null = target.kind === "draft" ? target.anchor : (thread?.anchor ?? null);

  const locate = useCallback((): DOMRect | null => {
    let rect: DOMRect | null = null;
    if (target.kind === "cell") {
      const handle = page.ui.table(target.tableId);
      rect = handle ? (cellElement(handle, target.rowId, target.columnId)?.getBoundingClientRect() ?? null) : null;
    } else if (anchorOfTarget?.kind === "text") {
      rect = page.ui.section(anchorOfTarget.section)?.rectOf(anchorOfTarget) ?? null;
    } else if (anchorOfTarget?.kind === "cell") {
      const handle = page.ui.table(anchorOfTarget.table);
      rect = handle
        ? (cellElement(handle, anchorOfTarget.rowId, anchorOfTarget.columnId)?.getBoundingClientRect() ?? null)
        : null;
    }
    if (rect && rect.bottom > 0 && rect.top < window.innerHeight) lastRect.current = rect;
    return lastRect.current ?? new DOMRect(window.innerWidth / 2 - 170, 120, 0, 0);
  }, [page, target, anchorOfTarget]);
  const placement = useFloatingPlacement(box, locate, anchorOfTarget?.kind === "text" ? "below" : "side");

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") page.ui.closePopover();
    };
    const onMouseDown = (event: MouseEvent) => {
      if (!(event.target instanceof Node) || box.current?.contains(event.target)) return;
      // A click on a mark or a highlighted phrase opens that one instead.
      page.ui.closePopover();
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("mousedown", onMouseDown, true);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("mousedown", onMouseDown, true);
    };
  }, [page]);

  let title: string | null = null;
  if (target.kind === "cell") {
    const place = shown[0] ? places.get(shown[0].id) : undefined;
    title = place?.label ?? cellLabel(page, target.tableId, target.rowId, target.columnId);
  } else if (target.kind === "draft") {
    title = page.document?.template.sections.find((s) => s.id === target.anchor.section)?.title ?? null;
  } else if (thread) {
    title = places.get(thread.id)?.label ?? null;
  }

  return createPortal(
    <div
      ref={box}
      className="k-comment-popover"
      role="dialog"
      aria-label={messages.comments.popoverLabel}
      data-testid="thread-popover"
      // Until placed it is measured unseen; still focusable (not `visibility: hidden`), so its box takes the caret.
      style={
        placement
          ? { left: placement.left, top: placement.top }
          : { opacity: 0, pointerEvents: "none", left: 0, top: 0 }
      }
    >
      <div className="k-comment-popover-head">
        <span className="k-comment-popover-title">{title}</span>
        <button
          type="button"
          className="k-icon-button"
          aria-label={messages.comments.close}
          title={messages.comments.close}
          onClick={() => page.ui.closePopover()}
        >
          ×
        </button>
      </div>
      <div className="k-comment-popover-body">
        {target.kind === "draft" && <DraftThread page={page} anchor={target.anchor} />}
        {target.kind === "cell" && <CellThreads page={page} target={target} threads={shown} />}
        {target.kind === "thread" && thread && <ThreadCard page={page} thread={thread} active />}
      </div>
    </div>,
    document.body,
  );
}

function threadsOf(target: PopoverTarget, threads: readonly ThreadView[]): ThreadView[] {
  switch (target.kind) {
    case "thread":
      return threads.filter((t) => t.id === target.threadId);
    case "cell":
      return threads
        .filter(
          (t) =>
            t.anchor.kind === "cell" &&
            t.anchor.table === target.tableId &&
            t.anchor.rowId === target.rowId &&
            t.anchor.columnId === target.columnId,
        )
        .sort((a, b) => (a.status === b.status ? 0 : a.status === "open" ? -1 : 1));
    case "draft":
      return [];
  }
}

function cellLabel(page: CommentsPage, tableId: string, rowId: string, columnId: string): string | null {
  const table = page.document?.template.tables.find((t) => t.id === tableId);
  const column = table?.columns.find((c) => c.id === columnId)?.title;
  const row = page.document
    ?.table(tableId)
    .rows()
    .find((r) => r.id === rowId);
  return column && row ? messages.comments.cellPlace(column, row.number) : (column ?? null);
}

function CellThreads({
  page,
  target,
  threads,
}: {
  readonly page: CommentsPage;
  readonly target: Extract<PopoverTarget, { kind: "cell" }>;
  readonly threads: readonly ThreadView[];
}) {
  const [starting, setStarting] = useState(false);
  const { author } = page;
  const startNew = (text: string, mentions: string[]) => {
    const table = page.document?.template.tables.find((t) => t.id === target.tableId);
    const row = page.document
      ?.table(target.tableId)
      .rows()
      .find((r) => r.id === target.rowId);
    if (!author || !table || !row) return false;
    const anchor: Anchor = {
      kind: "cell",
      table: target.tableId,
      rowId: target.rowId,
      columnId: target.columnId,
      quote: rowQuote(table, row.cells),
    };
    const written = writeComments(() => page.connection.model.openThread(author, anchor, text, mentions));
    if (written) setStarting(false);
    return written;
  };
  const composing = page.canComment && (threads.length === 0 || starting);
  return (
    <>
      {threads.map((thread, index) => (
        <ThreadCard
          key={thread.id}
          page={page}
          thread={thread}
          autoFocus={index === 0 && !composing && thread.status === "open"}
        />
      ))}
      {composing ? (
        <CommentComposer
          autoFocus
          people={page.people}
          placeholder={messages.comments.newThreadPlaceholder}
          submitLabel={messages.comments.send}
          testId="new-thread-box"
          onCancel={threads.length === 0 ? () => page.ui.closePopover() : () => setStarting(false)}
          onSubmit={startNew}
        />
      ) : (
        page.canComment && (
          <button type="button" className="k-link-button k-comment-start" onClick={() => setStarting(true)}>
            {messages.comments.startAnother}
          </button>
        )
      )}
      {!page.canComment && threads.length === 0 && <p className="k-muted">{messages.comments.readOnly}</p>}
    </>
  );
}

function DraftThread({ page, anchor }: { readonly page: CommentsPage; readonly anchor: Anchor }) {
  const { author } = page;
  return (
    <>
      {anchor.kind === "text" && anchor.quote && (
        <p className="k-thread-quote k-thread-quote-draft">{messages.comments.quote(anchor.quote)}</p>
      )}
      <CommentComposer
        autoFocus
        people={page.people}
        placeholder={messages.comments.newThreadPlaceholder}
        submitLabel={messages.comments.send}
        testId="new-thread-box"
        onCancel={() => page.ui.closePopover()}
        onSubmit={(text, mentions) => {
          if (!author) return false;
          let threadId: string | null = null;
          const written = writeComments(() => {
            threadId = page.connection.model.openThread(author, anchor, text, mentions).threadId;
          });
          if (written && threadId) page.ui.openPopover({ kind: "thread", threadId });
          return written;
        }}
      />
    </>
  );
}
