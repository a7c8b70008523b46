import { useCallback } from "react";
import { fetchMentions } from "../api/commentsApi.ts";
import { useResource } from "../api/useResource.ts";
import { messages } from "../messages.ts";
import { Link } from "../router/Link.tsx";
import { documentPath } from "../router/routes.ts";
import "./comments.css";
import { formatCommentTime } from "./ThreadCard.tsx";

/** How many mentions the start page lists. */
const SHOWN = 5;

/**
 * «Вас упомянули» on the documents page: the latest open threads where
 * someone mentioned the user, each a link to its document. Shown only when
 * there are some (and the server could be asked).
 */
export function MentionsList() {
  const { state } = useResource(useCallback((signal: AbortSignal) => fetchMentions(signal), []));
  if (state.status !== "ready" || state.data.length === 0) return null;
  const latest = [...state.data].sort((a, b) => b.at.localeCompare(a.at)).slice(0, SHOWN);
  return (
    <section className="k-mentions" aria-labelledby="mentions-title" data-testid="mentions">
      <h2 className="k-mentions-title" id="mentions-title">
        {messages.comments.mentionsTitle}
      </h2>
      <ul className="k-mentions-list">
        {latest.map((mention) => (
          <li key={`${mention.documentId}:${mention.threadId}:${mention.at}`}>
            <Link to={documentPath(mention.documentId)} className="k-mention-item" data-testid="mention-link">
              <span className="k-mention-item-doc">{mention.documentTitle}</span>
              <span className="k-mention-item-text">
                {messages.comments.mentionBy(mention.author.name)} {mention.text}
              </span>
              <span className="k-mention-item-meta">
                {mention.organisation}, {formatCommentTime(Date.parse(mention.at))}
                {mention.unread && (
                  <>
                    {" "}
                    <span className="k-doc-comments-unread">{messages.comments.mentionUnread}</span>
                  </>
                )}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
