import { z } from "zod";

/**
 * The comments of a document over HTTP, for scripts and the coming dashboard
 * (the app itself reads and writes them through the `<docId>:comments` sync
 * room). Times are ISO strings; ids are those of the comments companion.
 */

const person = z.object({ id: z.string(), name: z.string() });

/** Where a thread stands, with what the reader needs to find it. */
export const commentAnchorJson = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("cell"),
    table: z.string(),
    rowId: z.string(),
    columnId: z.string(),
    /** The column's title in the template. */
    columnTitle: z.string(),
    /** № of the row now; null when the row was deleted. */
    rowNumber: z.number().int().nullable(),
    rowDeleted: z.boolean(),
    /** The row's main text when the thread was opened. */
    quote: z.string(),
  }),
  z.object({
    kind: z.literal("text"),
    section: z.string(),
    sectionTitle: z.string(),
    /** The phrase as it was when the thread was opened. */
    quote: z.string(),
  }),
  z.object({ kind: z.literal("document") }),
]);
export type CommentAnchorJson = z.infer<typeof commentAnchorJson>;

export const commentJson = z.object({
  id: z.string(),
  author: person,
  text: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
  /** Account ids of the people mentioned. */
  mentions: z.array(z.string()),
});
export type CommentJson = z.infer<typeof commentJson>;

/** GET /api/documents/<id>/comments answers an array of these, oldest first. */
export const commentThreadJson = z.object({
  id: z.string(),
  anchor: commentAnchorJson,
  status: z.enum(["open", "resolved"]),
  createdBy: person,
  createdAt: z.string(),
  /** Who last resolved or reopened it, and when; null while nobody has. */
  statusChangedBy: person.nullable(),
  statusChangedAt: z.string().nullable(),
  comments: z.array(commentJson),
});
export type CommentThreadJson = z.infer<typeof commentThreadJson>;

/** POST /api/documents/<id>/comments: a thread on a cell, or (no anchor) on the whole document. */
export const createCommentRequest = z.strictObject({
  text: z.string(),
  anchor: z
    .strictObject({
      table: z.string().min(1).max(64),
      rowId: z.string().min(1).max(64),
      columnId: z.string().min(1).max(64),
    })
    .optional(),
});
export type CreateCommentRequest = z.infer<typeof createCommentRequest>;

/** What a document's comments hold for the signed-in user, in the documents list. */
export const commentCounts = z.object({
  /** Threads not resolved. */
  open: z.number().int(),
  /** Threads with a comment by someone else that reached the server since the user last looked. */
  unread: z.number().int(),
  /** Open threads where someone mentioned the user. */
  mentions: z.number().int(),
});
export type CommentCounts = z.infer<typeof commentCounts>;

/** GET /api/comments/mentions: the open threads, in every readable document, where the user is mentioned. */
export const mentionJson = z.object({
  documentId: z.string(),
  documentTitle: z.string(),
  organisation: z.string(),
  threadId: z.string(),
  /** Who mentioned the user, in which comment, and when. */
  author: person,
  text: z.string(),
  at: z.string(),
  /** The user has not looked at the document since. */
  unread: z.boolean(),
});
export type MentionJson = z.infer<typeof mentionJson>;

/** GET /api/documents/<id>/people: who may read a document, to be mentioned in its comments. */
export const documentPerson = z.object({
  id: z.string(),
  fullName: z.string(),
  /** «И.Н. Хняч — директор МКУО ЦОКО» */
  label: z.string(),
  access: z.enum(["read", "comment", "edit"]),
});
export type DocumentPerson = z.infer<typeof documentPerson>;
