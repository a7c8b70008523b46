import type { CommentCounts } from "@karta/schema";
import { messages } from "../messages.ts";
import "./comments.css";
import { CommentIcon } from "./CommentIcon.tsx";

/**
 * A document's comments in the documents list: its open threads, and,
 * highlighted, the ones with something new to the user since they last
 * looked, and how many mention them. Nothing when there is nothing to say.
 */
export function DocumentCommentCounts({ counts }: { readonly counts: CommentCounts | undefined }) {
  if (!counts || (counts.open === 0 && counts.unread === 0)) return null;
  return (
    <span className="k-doc-comments" data-testid="document-comments">
      {counts.open > 0 && (
        <span className="k-doc-comments-open" title={messages.comments.openThreadsHint} data-testid="comments-open">
          <CommentIcon />
          {messages.comments.openThreads(counts.open)}
        </span>
      )}
      {counts.unread > 0 && (
        <span className="k-doc-comments-unread" title={messages.comments.unreadHint} data-testid="comments-unread">
          {messages.comments.unread(counts.unread)}
        </span>
      )}
      {counts.mentions > 0 && (
        <span className="k-doc-comments-mentions" data-testid="comments-mentions">
          {messages.comments.mentionedCount(counts.mentions)}
        </span>
      )}
    </span>
  );
}
