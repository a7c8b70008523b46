import * as Y from "yjs";
import {
  COMMENTS_ROOT,
  commentIdSchema,
  commentSchema,
  MAX_CLOCK_AHEAD_MS,
  MAX_OFFLINE_AGE_MS,
  type ThreadStatus,
  threadSchema,
} from "./commentsSchema.ts";

// biome-ignore lint/suspicious/noExplicitAny: Yjs types its shared types by their event type.
type AnyType = Y.AbstractType<any>;

/** Who sent the update being checked, as the server knows them. */
export interface CommentsWriter {
  readonly accountId: string;
  /** The account's name: what others see as the author. */
  readonly name: string;
  /** The server's clock, in milliseconds since the epoch. */
  readonly now: number;
  /** Whether this writer may set the status of a thread opened by `createdBy` (the server's policy decides). */
  mayChangeStatus(thread: { readonly createdBy: string }, to: ThreadStatus): boolean;
}

/** Keys of a thread that change after it is opened: its status. */
const STATUS_KEYS: ReadonlySet<string> = new Set(["status", "statusBy", "statusByName", "statusAt"]);
/** Keys of a comment its author changes: an edit or a deletion. */
const EDIT_KEYS: ReadonlySet<string> = new Set(["text", "mentions", "editedAt", "deleted"]);

type Level = "root" | "thread" | "comments" | "comment";

/**
 * Checks what a transaction did to a comments companion, for the writer who
 * sent it; returns why it is refused, or null. Threads and comments are only
 * ever added (never replaced or removed); a new one must be the writer's own,
 * stamped near the server's time, and of the whole shape of `commentsSchema`;
 * a comment is changed by its author only, and only its text (an edit, with
 * `editedAt`) or its deletion; a thread's status is changed by whom the policy
 * allows, signed by the writer. Checking the state the transaction left
 * (rather than the update's operations) covers every encoding of the same change.
 */
export function findCommentsViolation(ydoc: Y.Doc, transaction: Y.Transaction, writer: CommentsWriter): string | null {
  const rootNames = typedRootNames(ydoc);
  for (const [type, keys] of transaction.changed) {
    const level = levelOf(type, rootNames);
    if (typeof level !== "string") return level.problem;
    // The transaction may hold the untyped root object; the typed one is in share.
    const typed = level === "root" ? ydoc.getMap(COMMENTS_ROOT) : type;
    if (!(typed instanceof Y.Map)) return "comments hold a shared type other than a map";
    if (keys.has(null)) return "list content in comments";
    const actions = keyActions(type, transaction, keys);
    const problem = CHECKS[level](typed, actions, writer);
    if (problem) return problem;
  }
  return null;
}

type KeyActions = Map<string, "add" | "update" | "delete">;
type Check = (map: Y.Map<unknown>, actions: KeyActions, writer: CommentsWriter) => string | null;

const CHECKS: Record<Level, Check> = {
  root: (threads, actions, writer) =>
    addedOnly("thread", actions, (id) => newThreadViolation(id, threads.get(id), writer)),
  thread(thread, actions, writer) {
    for (const [key, action] of actions) {
      if (!STATUS_KEYS.has(key)) return `a thread's "${key}" is set when it is opened`;
      if (action === "delete") return `a thread's "${key}" was removed`;
    }
    if (!actions.has("statusBy") || !actions.has("statusAt")) return "a status change says who and when";
    const parsed = threadSchema.safeParse(thread.toJSON());
    if (!parsed.success) return `the thread is malformed (${issue(parsed.error)})`;
    const { status, statusBy, statusByName, statusAt, createdBy } = parsed.data;
    if (statusBy !== writer.accountId || statusByName !== writer.name) return "a status change signed by someone else";
    const time = timeViolation(statusAt ?? 0, writer.now);
    if (time) return time;
    if (!writer.mayChangeStatus({ createdBy }, status)) return `not allowed to mark this thread ${status}`;
    return null;
  },
  comments: (comments, actions, writer) =>
    addedOnly("comment", actions, (id) => newCommentViolation(id, comments.get(id), writer)),
  comment(comment, actions, writer) {
    for (const [key, action] of actions) {
      if (!EDIT_KEYS.has(key)) return `a comment's "${key}" is set when it is written`;
      if (action === "delete") return `a comment's "${key}" was removed`;
    }
    const json = plainJson(comment);
    if (json === null) return "a comment holds a shared type";
    const parsed = commentSchema.safeParse(json);
    if (!parsed.success) return `the comment is malformed (${issue(parsed.error)})`;
    if (parsed.data.author !== writer.accountId) return "a change to another person's comment";
    if (!parsed.data.deleted) {
      if (!actions.has("editedAt")) return "an edited comment says when";
      const time = timeViolation(parsed.data.editedAt ?? 0, writer.now);
      if (time) return time;
    }
    return null;
  },
};

/** Threads and comments are only ever added: each key must be new, and its value pass `check`. */
function addedOnly(what: string, actions: KeyActions, check: (id: string) => string | null): string | null {
  for (const [id, action] of actions) {
    if (action !== "add") return `${what} ${id} was ${action === "delete" ? "deleted" : "replaced"}`;
    const problem = check(id);
    if (problem) return `${what} ${id}: ${problem}`;
  }
  return null;
}

function newThreadViolation(threadId: string, value: unknown, writer: CommentsWriter): string | null {
  if (!commentIdSchema.safeParse(threadId).success) return "an invalid id";
  if (!(value instanceof Y.Map)) return "not a map";
  const comments = value.get("comments");
  if (!(comments instanceof Y.Map)) return "its comments are not a map";
  for (const [key, field] of value.entries()) {
    if (key !== "comments" && isShared(field)) return `"${key}" holds a shared type`;
  }
  for (const [commentId, comment] of comments.entries()) {
    if (!(comment instanceof Y.Map) || plainJson(comment) === null) return `comment ${commentId} is not a plain map`;
  }
  const parsed = threadSchema.safeParse(value.toJSON());
  if (!parsed.success) return `malformed (${issue(parsed.error)})`;
  const thread = parsed.data;
  if (thread.createdBy !== writer.accountId) return "opened in another person's name";
  if (thread.status !== "open" || thread.statusBy || thread.statusByName || thread.statusAt !== undefined) {
    return "a new thread is open";
  }
  // Comment ids are checked by the schema's record keys.
  const first = Object.keys(thread.comments);
  if (first.length !== 1) return "a new thread holds its first comment only";
  const commentId = first[0] as string;
  return (
    commentFromWriter(comments.get(commentId) as Y.Map<unknown>, writer) ?? timeViolation(thread.createdAt, writer.now)
  );
}

function newCommentViolation(commentId: string, value: unknown, writer: CommentsWriter): string | null {
  if (!commentIdSchema.safeParse(commentId).success) return "an invalid id";
  if (!(value instanceof Y.Map)) return "not a map";
  return commentFromWriter(value, writer);
}

/** A new comment: plain, well-formed, the writer's own, not yet edited or deleted, stamped now. */
function commentFromWriter(map: Y.Map<unknown>, writer: CommentsWriter): string | null {
  const json = plainJson(map);
  if (json === null) return "holds a shared type";
  const parsed = commentSchema.safeParse(json);
  if (!parsed.success) return `malformed (${issue(parsed.error)})`;
  const comment = parsed.data;
  if (comment.author !== writer.accountId || comment.authorName !== writer.name) {
    return "written in another person's name";
  }
  if (comment.deleted || comment.editedAt !== undefined) return "a new comment is neither edited nor deleted";
  return timeViolation(comment.createdAt, writer.now);
}

function timeViolation(time: number, now: number): string | null {
  if (time > now + MAX_CLOCK_AHEAD_MS) return "stamped in the future";
  if (time < now - MAX_OFFLINE_AGE_MS) return "stamped too long ago";
  return null;
}

/** A map's entries as JSON, or null if one of them is a shared type. */
function plainJson(map: Y.Map<unknown>): Record<string, unknown> | null {
  const json: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) {
    if (isShared(value)) return null;
    json[key] = value;
  }
  return json;
}

function isShared(value: unknown): boolean {
  return value instanceof Y.AbstractType || value instanceof Y.Doc;
}

function issue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  return first ? `${first.path.map(String).join(".") || "value"}: ${first.message}` : "invalid";
}

/**
 * Where a changed type sits: the root, a thread, a thread's comments or a
 * comment; anything else (another root, deeper nesting, a type under another
 * key) is refused. Walks up at most four levels, so a deep chain costs no more.
 */
function levelOf(type: AnyType, rootNames: Map<AnyType, string>): Level | { problem: string } {
  const path: AnyType[] = [type];
  for (let parent = type._item?.parent as AnyType | undefined; parent; parent = parent._item?.parent as AnyType) {
    path.unshift(parent);
    if (path.length > 4) return { problem: "comments nested deeper than a comment" };
  }
  const root = path[0] as AnyType;
  const name = rootNames.get(root);
  if (name !== COMMENTS_ROOT) return { problem: `unknown root "${name ?? "?"}"` };
  if (path.length === 1) return "root";
  if (path.length === 2) return "thread";
  if (path[2]?._item?.parentSub !== "comments")
    return { problem: "a thread holds a shared type other than its comments" };
  return path.length === 3 ? "comments" : "comment";
}

/**
 * What the transaction did to each changed key: added (no value before),
 * updated (a value replaced) or deleted, as Yjs' own map events tell it.
 * Keys whose change cancelled out within the transaction are left out.
 */
function keyActions(type: AnyType, transaction: Y.Transaction, keys: Set<string | null>): KeyActions {
  const event = new Y.YMapEvent(type as Y.Map<unknown>, transaction, keys);
  return new Map([...event.keys].map(([key, change]) => [key, change.action]));
}

/**
 * A root that arrived in an update before anyone asked for it by type is a
 * plain AbstractType; asking for it as a map replaces it (and re-parents its
 * items). Both objects are named, since the transaction may still refer to the old one.
 */
function typedRootNames(ydoc: Y.Doc): Map<AnyType, string> {
  const names = new Map<AnyType, string>([...ydoc.share].map(([name, type]) => [type, name]));
  if (ydoc.share.has(COMMENTS_ROOT)) names.set(ydoc.getMap(COMMENTS_ROOT), COMMENTS_ROOT);
  return names;
}
