import { useEffect, useState } from "react";
import { messages } from "../messages.ts";
import "./comments.css";
import { CommentComposer } from "./CommentComposer.tsx";
import { CommentIcon } from "./CommentIcon.tsx";
import { goToThread } from "./commentsNavigation.ts";
import {
  type CommentsPage,
  tellSeen,
  useCommentsSnapshot,
  useCommentsUi,
  useThreads,
  writeComments,
} from "./commentsPage.ts";
import type { ThreadFilter } from "./commentsUi.ts";
import { ThreadCard } from "./ThreadCard.tsx";
import { useAnchorPlaces } from "./useAnchorPlaces.ts";

/** «Обсуждение» in the document's header: opens and closes the panel; says how many threads are open. */
export function DiscussionToggle({ page }: { readonly page: CommentsPage }) {
  const { panelOpen } = useCommentsUi(page.ui);
  const open = useThreads(page).filter((t) => t.status === "open").length;
  return (
    <button
      type="button"
      className="k-discussion-toggle"
      aria-pressed={panelOpen}
      title={messages.comments.panelToggleHint(open)}
      data-testid="discussion-toggle"
      onClick={() => page.ui.togglePanel()}
    >
      <CommentIcon />
      <span>{messages.comments.panelTitle}</span>
      {open > 0 && <span className="k-discussion-count">{open}</span>}
    </button>
  );
}

/**
 * The document's discussion, on the right: every thread, open or resolved,
 * each with its place (a click goes there), what it was about if that is
 * gone, its comments, replies, resolving and reopening; and a comment on the
 * whole document. Opening it counts as having looked at the comments.
 */
export function DiscussionPanel({ page }: { readonly page: CommentsPage }) {
  const threads = useThreads(page);
  const { filter, activeThreadId } = useCommentsUi(page.ui);
  const { offline, localLoaded } = useCommentsSnapshot(page);
  const places = useAnchorPlaces(page.document, threads);
  const [writing, setWriting] = useState(false);
  const { docId } = page;

  useEffect(() => {
    tellSeen(docId);
  }, [docId]);

  const open = threads.filter((t) => t.status === "open");
  const resolved = threads.filter((t) => t.status === "resolved");
  const shown = filter === "open" ? open : filter === "resolved" ? resolved : threads;
  // The newest thread first; a reply does not move a thread (the list stays put while one reads it).
  const ordered = [...shown].reverse();
  const { author } = page;

  return (
    <aside className="k-discussion" aria-label={messages.comments.panelTitle} data-testid="discussion-panel">
      <div className="k-discussion-head">
        <h2 className="k-discussion-title">{messages.comments.panelTitle}</h2>
        <button
          type="button"
          className="k-icon-button"
          aria-label={messages.comments.close}
          title={messages.comments.close}
          onClick={() => page.ui.closePanel()}
        >
          ×
        </button>
      </div>
      <div className="k-discussion-filter" role="toolbar" aria-label={messages.comments.filterLabel}>
        <FilterButton page={page} value="open" current={filter} label={messages.comments.filterOpen(open.length)} />
        <FilterButton
          page={page}
          value="resolved"
          current={filter}
          label={messages.comments.filterResolved(resolved.length)}
        />
        <FilterButton page={page} value="all" current={filter} label={messages.comments.filterAll} />
      </div>
      {offline && localLoaded && (
        <p className="k-discussion-note" data-testid="comments-offline">
          {messages.comments.offline}
        </p>
      )}
      <div className="k-discussion-list">
        {page.canComment && author && (
          <div className="k-discussion-new">
            {writing ? (
              <CommentComposer
                autoFocus
                people={page.people}
                placeholder={messages.comments.newThreadPlaceholder}
                submitLabel={messages.comments.send}
                testId="document-comment-box"
                onCancel={() => setWriting(false)}
                onSubmit={(text, mentions) => {
                  const written = writeComments(() =>
                    page.connection.model.openThread(author, { kind: "document" }, text, mentions),
                  );
                  if (written) {
                    setWriting(false);
                    if (filter === "resolved") page.ui.setFilter("open");
                  }
                  return written;
                }}
              />
            ) : (
              <button type="button" className="k-button k-button-small" onClick={() => setWriting(true)}>
                {messages.comments.documentComment}
              </button>
            )}
          </div>
        )}
        {ordered.length === 0 && (
          <div className="k-discussion-empty">
            <p>
              {threads.length === 0
                ? messages.comments.noThreads
                : filter === "resolved"
                  ? messages.comments.noResolved
                  : messages.comments.noOpen}
            </p>
            {threads.length === 0 && page.canComment && <p className="k-muted">{messages.comments.howToStart}</p>}
          </div>
        )}
        {!page.canComment && threads.length > 0 && <p className="k-discussion-note">{messages.comments.readOnly}</p>}
        {ordered.map((thread) => (
          <ThreadCard
            key={thread.id}
            page={page}
            thread={thread}
            place={places.get(thread.id)}
            active={thread.id === activeThreadId}
            onGoTo={thread.anchor.kind === "document" ? undefined : () => goToThread(page, thread)}
          />
        ))}
      </div>
    </aside>
  );
}

function FilterButton({
  page,
  value,
  current,
  label,
}: {
  readonly page: CommentsPage;
  readonly value: ThreadFilter;
  readonly current: ThreadFilter;
  readonly label: string;
}) {
  return (
    <button
      type="button"
      aria-pressed={value === current}
      className="k-discussion-filter-button"
      onClick={() => page.ui.setFilter(value)}
    >
      {label}
    </button>
  );
}

/** The panel where the page keeps it, when it is open. */
export function DiscussionPanelSlot({ page }: { readonly page: CommentsPage }) {
  const { panelOpen } = useCommentsUi(page.ui);
  return panelOpen ? <DiscussionPanel page={page} /> : null;
}
