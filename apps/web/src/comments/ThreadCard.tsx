import type { CommentView, ThreadView } from "@karta/doc";
import { useState } from "react";
import { messages } from "../messages.ts";
import type { AnchorPlace } from "./anchorText.ts";
import { CommentComposer } from "./CommentComposer.tsx";
import { type CommentsPage, mayResolve, writeComments } from "./commentsPage.ts";
import { splitMentions } from "./mentions.ts";

const timeFormat = new Intl.DateTimeFormat("ru-RU", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
});

export function formatCommentTime(at: number): string {
  return timeFormat.format(new Date(at));
}

export interface ThreadCardProps {
  readonly page: CommentsPage;
  readonly thread: ThreadView;
  /** Where the thread stands (in the panel); the popover stands beside its place and needs none. */
  readonly place?: AnchorPlace;
  /** Goes to the thread's place in the document. */
  readonly onGoTo?: () => void;
  readonly active?: boolean;
  /** Focus the reply box at once (a thread just opened from its mark). */
  readonly autoFocus?: boolean;
}

/**
 * One thread: where it stands (in the panel), its comments oldest first,
 * a reply box, and resolving or reopening it, as far as this person may.
 */
export function ThreadCard({ page, thread, place, onGoTo, active = false, autoFocus = false }: ThreadCardProps) {
  const { author } = page;
  const resolved = thread.status === "resolved";
  const className = ["k-thread", resolved ? "k-thread-resolved" : "", active ? "k-thread-active" : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <article
      className={className}
      data-testid="thread"
      data-thread-id={thread.id}
      data-status={thread.status}
      data-gone={place?.gone ? "true" : undefined}
    >
      {place && <ThreadPlace place={place} onGoTo={onGoTo} />}
      {resolved && thread.statusAt !== undefined && (
        <div className="k-thread-state" data-testid="thread-state">
          {messages.comments.resolvedBy(thread.statusByName ?? "", formatCommentTime(thread.statusAt))}
        </div>
      )}
      <ol className="k-thread-comments">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} page={page} threadId={thread.id} comment={comment} />
        ))}
      </ol>
      {page.canComment && author && !resolved && (
        <CommentComposer
          compact
          autoFocus={autoFocus}
          people={page.people}
          placeholder={messages.comments.replyPlaceholder}
          submitLabel={messages.comments.reply}
          testId="reply-box"
          onSubmit={(text, mentions) =>
            writeComments(() => page.connection.model.reply(thread.id, author, text, mentions))
          }
        />
      )}
      {page.canComment && author && (resolved || mayResolve(page, thread)) && (
        <div className="k-thread-actions">
          {resolved ? (
            <button
              type="button"
              className="k-button k-button-small"
              onClick={() => writeComments(() => page.connection.model.reopen(thread.id, author))}
            >
              {messages.comments.reopen}
            </button>
          ) : (
            <button
              type="button"
              className="k-button k-button-small k-thread-resolve"
              title={messages.comments.resolveHint}
              onClick={() => writeComments(() => page.connection.model.resolve(thread.id, author))}
            >
              <CheckIcon />
              {messages.comments.resolve}
            </button>
          )}
        </div>
      )}
    </article>
  );
}

/** The thread's place: a button that goes there, what it was about, and whether that is gone. */
function ThreadPlace({ place, onGoTo }: { readonly place: AnchorPlace; readonly onGoTo?: () => void }) {
  const body = (
    <>
      <span className="k-thread-place-label" data-testid="thread-place">
        {place.label}
      </span>
      {place.gone && (
        <span className="k-thread-gone" data-testid="thread-gone">
          {place.gone}
        </span>
      )}
      {place.quote && <span className="k-thread-quote">{messages.comments.quote(place.quote)}</span>}
    </>
  );
  if (!onGoTo || place.gone) return <div className="k-thread-place">{body}</div>;
  return (
    <button
      type="button"
      className="k-thread-place k-thread-place-link"
      title={messages.comments.goTo}
      onClick={onGoTo}
    >
      {body}
    </button>
  );
}

function CommentItem({
  page,
  threadId,
  comment,
}: {
  readonly page: CommentsPage;
  readonly threadId: string;
  readonly comment: CommentView;
}) {
  const [editing, setEditing] = useState(false);
  const { author } = page;
  const own = author !== null && comment.author === author.accountId && page.canComment;
  return (
    <li className="k-comment" data-testid="comment" data-deleted={comment.deleted ? "true" : undefined}>
      <div className="k-comment-head">
        <span className="k-comment-author">{comment.authorName}</span>
        <span className="k-comment-time">
          {formatCommentTime(comment.createdAt)}
          {comment.editedAt !== undefined && !comment.deleted && `, ${messages.comments.edited}`}
        </span>
      </div>
      {comment.deleted ? (
        <p className="k-comment-text k-comment-deleted">{messages.comments.deleted}</p>
      ) : editing && author ? (
        <CommentComposer
          autoFocus
          people={page.people}
          initialText={comment.text}
          initialMentions={page.people.filter((p) => comment.mentions.includes(p.id))}
          placeholder={messages.comments.newThreadPlaceholder}
          submitLabel={messages.comments.save}
          onCancel={() => setEditing(false)}
          onSubmit={(text, mentions) => {
            const written = writeComments(() =>
              page.connection.model.editComment(threadId, comment.id, author, text, mentions),
            );
            if (written) setEditing(false);
            return written;
          }}
        />
      ) : (
        <p className="k-comment-text" data-testid="comment-text">
          <CommentText text={comment.text} page={page} />
        </p>
      )}
      {own && !comment.deleted && !editing && author && (
        <div className="k-comment-own">
          <button type="button" className="k-link-button" onClick={() => setEditing(true)}>
            {messages.comments.edit}
          </button>
          <button
            type="button"
            className="k-link-button"
            onClick={() => {
              if (window.confirm(messages.comments.deleteConfirm)) {
                writeComments(() => page.connection.model.deleteComment(threadId, comment.id, author));
              }
            }}
          >
            {messages.comments.delete}
          </button>
        </div>
      )}
    </li>
  );
}

/** A comment's text, its «@Фамилия Имя» mentions highlighted. */
function CommentText({ text, page }: { readonly text: string; readonly page: CommentsPage }) {
  const runs = splitMentions(text, page.people);
  return (
    <>
      {runs.map((run, index) =>
        run.kind === "mention" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one text, in order, never reordered.
          <span key={index} className="k-mention">
            {run.text}
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <span key={index}>{run.text}</span>
        ),
      )}
    </>
  );
}

function CheckIcon() {
  return (
    <svg width={14} height={14} viewBox="0 0 16 16" fill="none" aria-hidden>
      <path
        d="m3 8.5 3.2 3L13 4.5"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
