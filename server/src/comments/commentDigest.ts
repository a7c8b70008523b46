import type { ThreadView } from "@karta/doc";
import type { CommentCounts } from "@karta/schema";
import { z } from "zod";

/**
 * What a document's comments hold, small enough to keep in SQL beside the
 * document: the documents list counts open, unread and mentioning threads for
 * each person from it, without loading every comments room. `storedAt` is the
 * server's time when a comment first reached it, not the author's: a comment
 * written offline yesterday and sent now is new to everyone who looked since.
 */
const digestComment = z.object({
  id: z.string(),
  author: z.string(),
  authorName: z.string(),
  storedAt: z.string(),
  snippet: z.string(),
  mentions: z.array(z.string()),
  deleted: z.boolean(),
});
const digestThread = z.object({
  id: z.string(),
  status: z.enum(["open", "resolved"]),
  statusBy: z.string().nullable(),
  comments: z.array(digestComment),
});
const commentDigest = z.object({ threads: z.array(digestThread) });
export type CommentDigest = z.infer<typeof commentDigest>;

/** How much of a comment the digest keeps, for the list of mentions. */
export const SNIPPET_LENGTH = 200;

export function parseDigest(json: string): CommentDigest | null {
  try {
    const parsed = commentDigest.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The digest of the threads now; comments already in `previous` keep their `storedAt`. */
export function digestOf(threads: readonly ThreadView[], previous: CommentDigest | null, now: string): CommentDigest {
  const storedAt = new Map<string, string>();
  for (const thread of previous?.threads ?? []) for (const c of thread.comments) storedAt.set(c.id, c.storedAt);
  return {
    threads: threads.map((thread) => ({
      id: thread.id,
      status: thread.status,
      statusBy: thread.statusBy ?? null,
      comments: thread.comments.map((c) => ({
        id: c.id,
        author: c.author,
        authorName: c.authorName,
        storedAt: storedAt.get(c.id) ?? now,
        snippet: c.text.slice(0, SNIPPET_LENGTH),
        mentions: c.mentions,
        deleted: c.deleted === true,
      })),
    })),
  };
}

export interface CommentEvent {
  readonly action: "comment-written" | "thread-resolved" | "thread-reopened";
  readonly actorId: string;
  readonly threadId: string;
  /** The comment's beginning, for the journal. */
  readonly text: string;
}

/** What happened between two digests, for the journal: comments written, threads resolved or reopened. */
export function digestChanges(previous: CommentDigest | null, next: CommentDigest): CommentEvent[] {
  const before = new Map((previous?.threads ?? []).map((t) => [t.id, t]));
  const events: CommentEvent[] = [];
  for (const thread of next.threads) {
    const old = before.get(thread.id);
    const known = new Set(old?.comments.map((c) => c.id));
    for (const comment of thread.comments) {
      if (!known.has(comment.id)) {
        events.push({ action: "comment-written", actorId: comment.author, threadId: thread.id, text: comment.snippet });
      }
    }
    if (old && old.status !== thread.status && thread.statusBy) {
      events.push({
        action: thread.status === "resolved" ? "thread-resolved" : "thread-reopened",
        actorId: thread.statusBy,
        threadId: thread.id,
        text: thread.comments[0]?.snippet ?? "",
      });
    }
  }
  return events;
}

/**
 * What a document's comments hold for one person: open threads, threads with
 * someone else's comment that reached the server after `seenAt` (all of them
 * if they never looked), and open threads that mention them.
 */
export function countsFor(digest: CommentDigest | null, accountId: string, seenAt: string | undefined): CommentCounts {
  let open = 0;
  let unread = 0;
  let mentions = 0;
  for (const thread of digest?.threads ?? []) {
    if (thread.status === "open") open++;
    if (thread.comments.some((c) => isNewTo(c, accountId, seenAt))) unread++;
    if (thread.status === "open" && thread.comments.some((c) => !c.deleted && c.mentions.includes(accountId))) {
      mentions++;
    }
  }
  return { open, unread, mentions };
}

export interface Mention {
  readonly threadId: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly text: string;
  readonly at: string;
  readonly unread: boolean;
}

/** The latest comment of each open thread that mentions the person. */
export function mentionsOf(digest: CommentDigest | null, accountId: string, seenAt: string | undefined): Mention[] {
  const found: Mention[] = [];
  for (const thread of digest?.threads ?? []) {
    if (thread.status !== "open") continue;
    const comment = thread.comments.findLast((c) => !c.deleted && c.mentions.includes(accountId));
    if (!comment) continue;
    found.push({
      threadId: thread.id,
      authorId: comment.author,
      authorName: comment.authorName,
      text: comment.snippet,
      at: comment.storedAt,
      unread: isNewTo(comment, accountId, seenAt),
    });
  }
  return found;
}

function isNewTo(comment: CommentDigest["threads"][number]["comments"][number], accountId: string, seenAt?: string) {
  return comment.author !== accountId && !comment.deleted && (seenAt === undefined || comment.storedAt > seenAt);
}
