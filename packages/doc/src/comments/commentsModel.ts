import * as Y from "yjs";
import { randomId } from "../ids.ts";
import {
  type Anchor,
  anchorSchema,
  COMMENTS_ROOT,
  type CommentRecord,
  MAX_COMMENT_LENGTH,
  MAX_MENTIONS,
  type ThreadStatus,
  threadSchema,
} from "./commentsSchema.ts";

/** Who writes: the signed-in account and the name others see. */
export interface CommentAuthor {
  readonly accountId: string;
  readonly name: string;
}

export interface CommentView extends CommentRecord {
  readonly id: string;
}

/** An immutable view of one thread, comments oldest first. */
export interface ThreadView {
  readonly id: string;
  readonly anchor: Anchor;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly status: ThreadStatus;
  readonly statusBy?: string;
  readonly statusByName?: string;
  readonly statusAt?: number;
  readonly comments: readonly CommentView[];
}

/** A write the comments model does not allow; `code` is stable for UI messages. */
export class CommentWriteError extends Error {
  constructor(
    readonly code:
      | "empty"
      | "too-long"
      | "too-many-mentions"
      | "invalid-anchor"
      | "unknown-thread"
      | "unknown-comment"
      | "not-author"
      | "deleted",
    message: string,
  ) {
    super(message);
    this.name = "CommentWriteError";
  }
}

export interface CommentsOptions {
  /** Transaction origin of every write (an UndoManager or a saved tracker may follow it). */
  readonly origin?: unknown;
  /** The clock that stamps comments; tests fix it. */
  readonly now?: () => number;
}

type ThreadMap = Y.Map<unknown>;
type CommentMap = Y.Map<unknown>;

/**
 * The typed model of a comments companion Y.Doc. A thread is a Y.Map of plain
 * fields (anchor, who opened it and when, its status) and a Y.Map of comments
 * keyed by random ids, so that replies written at once, online or offline,
 * never collide and never reorder one another (they are read oldest first).
 * Nothing is ever removed: a deleted comment keeps its author and time, and a
 * thread stays even when what it was about is gone.
 */
export class CommentsModel {
  readonly root: Y.Map<ThreadMap>;
  private readonly origin: unknown;
  private readonly now: () => number;
  private readonly invalidate = () => {
    this.cacheValid = false;
  };
  private cache: readonly ThreadView[] = [];
  private cacheValid = false;

  constructor(
    readonly ydoc: Y.Doc,
    options: CommentsOptions = {},
  ) {
    this.root = ydoc.getMap<ThreadMap>(COMMENTS_ROOT);
    this.origin = options.origin ?? null;
    this.now = options.now ?? Date.now;
    this.root.observeDeep(this.invalidate);
  }

  /** Stops following the Y.Doc (a model made for one change on a long-lived doc). */
  destroy(): void {
    this.root.unobserveDeep(this.invalidate);
  }

  /** Every readable thread, oldest first. The same array is returned until something changes. */
  threads(): readonly ThreadView[] {
    if (this.cacheValid) return this.cache;
    this.cache = readThreads(this.ydoc);
    this.cacheValid = true;
    return this.cache;
  }

  thread(threadId: string): ThreadView | undefined {
    return this.threads().find((t) => t.id === threadId);
  }

  /** Calls `listener` with the threads after every change, local or remote. */
  observe(listener: (threads: readonly ThreadView[]) => void): () => void {
    const handler = () => listener(this.threads());
    this.root.observeDeep(handler);
    return () => this.root.unobserveDeep(handler);
  }

  /** Opens a thread with its first comment; returns the ids of both. */
  openThread(
    author: CommentAuthor,
    anchor: Anchor,
    text: string,
    mentions: readonly string[] = [],
  ): { threadId: string; commentId: string } {
    if (!anchorSchema.safeParse(anchor).success) throw new CommentWriteError("invalid-anchor", "invalid anchor");
    const body = checkedText(text, mentions);
    const threadId = randomId();
    const commentId = randomId();
    const at = this.now();
    this.transact(() => {
      const comments = new Y.Map<unknown>();
      comments.set(commentId, newComment(author, body, mentions, at));
      const thread = new Y.Map<unknown>();
      thread.set("anchor", anchor);
      thread.set("createdBy", author.accountId);
      thread.set("createdAt", at);
      thread.set("status", "open");
      thread.set("comments", comments);
      this.root.set(threadId, thread);
    });
    return { threadId, commentId };
  }

  /** Adds a comment to a thread; returns its id. */
  reply(threadId: string, author: CommentAuthor, text: string, mentions: readonly string[] = []): string {
    const body = checkedText(text, mentions);
    const comments = this.commentsOf(threadId);
    const commentId = randomId();
    this.transact(() => comments.set(commentId, newComment(author, body, mentions, this.now())));
    return commentId;
  }

  /** Changes the text of one's own comment. */
  editComment(
    threadId: string,
    commentId: string,
    author: CommentAuthor,
    text: string,
    mentions: readonly string[] = [],
  ): void {
    const body = checkedText(text, mentions);
    const comment = this.ownComment(threadId, commentId, author);
    this.transact(() => {
      comment.set("text", body);
      comment.set("mentions", [...mentions]);
      comment.set("editedAt", this.now());
    });
  }

  /** Deletes one's own comment: its text goes, its trace (author, time, «удалён») stays. */
  deleteComment(threadId: string, commentId: string, author: CommentAuthor): void {
    const comment = this.ownComment(threadId, commentId, author);
    this.transact(() => {
      comment.set("text", "");
      comment.set("mentions", []);
      comment.set("deleted", true);
    });
  }

  resolve(threadId: string, by: CommentAuthor): void {
    this.setStatus(threadId, by, "resolved");
  }

  reopen(threadId: string, by: CommentAuthor): void {
    this.setStatus(threadId, by, "open");
  }

  private setStatus(threadId: string, by: CommentAuthor, status: ThreadStatus): void {
    const thread = this.threadMap(threadId);
    this.transact(() => {
      thread.set("status", status);
      thread.set("statusBy", by.accountId);
      thread.set("statusByName", by.name);
      thread.set("statusAt", this.now());
    });
  }

  private threadMap(threadId: string): ThreadMap {
    const thread = this.root.get(threadId);
    if (!(thread instanceof Y.Map) || !readThread(threadId, thread)) {
      throw new CommentWriteError("unknown-thread", `unknown thread ${threadId}`);
    }
    return thread;
  }

  private commentsOf(threadId: string): Y.Map<CommentMap> {
    return this.threadMap(threadId).get("comments") as Y.Map<CommentMap>;
  }

  private ownComment(threadId: string, commentId: string, author: CommentAuthor): CommentMap {
    const comment = this.commentsOf(threadId).get(commentId);
    if (!(comment instanceof Y.Map)) throw new CommentWriteError("unknown-comment", `unknown comment ${commentId}`);
    if (comment.get("author") !== author.accountId) {
      throw new CommentWriteError("not-author", "only the author changes a comment");
    }
    if (comment.get("deleted") === true) throw new CommentWriteError("deleted", "the comment was deleted");
    return comment;
  }

  private transact(fn: () => void): void {
    this.ydoc.transact(fn, this.origin);
  }
}

function newComment(author: CommentAuthor, text: string, mentions: readonly string[], at: number): CommentMap {
  return new Y.Map<unknown>([
    ["author", author.accountId],
    ["authorName", author.name],
    ["text", text],
    ["createdAt", at],
    ["mentions", [...new Set(mentions)]],
  ]);
}

function checkedText(text: string, mentions: readonly string[]): string {
  const body = text.trim();
  if (body.length === 0) throw new CommentWriteError("empty", "a comment needs text");
  if (body.length > MAX_COMMENT_LENGTH) {
    throw new CommentWriteError("too-long", `a comment is at most ${MAX_COMMENT_LENGTH} characters`);
  }
  if (new Set(mentions).size > MAX_MENTIONS) {
    throw new CommentWriteError("too-many-mentions", `at most ${MAX_MENTIONS} people`);
  }
  return body;
}

/** Every readable thread of a comments Y.Doc, oldest first, without keeping a model (the server reads this way). */
export function readThreads(ydoc: Y.Doc): readonly ThreadView[] {
  const threads: ThreadView[] = [];
  for (const [id, map] of ydoc.getMap(COMMENTS_ROOT).entries()) {
    const view = readThread(id, map);
    if (view) threads.push(view);
  }
  threads.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return Object.freeze(threads);
}

/**
 * A thread map as a view, or null if it is not a thread (the server refuses
 * those, but a replica may hold what it wrote offline and was refused).
 */
export function readThread(id: string, map: unknown): ThreadView | null {
  if (!(map instanceof Y.Map)) return null;
  const parsed = threadSchema.safeParse(map.toJSON());
  if (!parsed.success) return null;
  const { comments, ...thread } = parsed.data;
  const list = Object.entries(comments)
    .map(([commentId, comment]) => Object.freeze({ id: commentId, ...comment }))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return Object.freeze({ id, ...thread, comments: Object.freeze(list) });
}
