import { z } from "zod";

/**
 * The shape of the comments companion (`<docId>:comments`), as JSON: what a
 * thread and a comment hold. The Yjs layout (`commentsModel.ts`) stores a
 * thread as a Y.Map whose `comments` key is a Y.Map of comment Y.Maps; every
 * other value is plain JSON. The server checks every update against these
 * schemas (`commentsValidation.ts`), so they are the contract for any client.
 */

/** The one root of the comments companion: a map of threads by id. */
export const COMMENTS_ROOT = "threads";

/** Longest comment, in characters: a long remark is a few paragraphs. */
export const MAX_COMMENT_LENGTH = 4_000;
/** Longest quoted phrase or row text kept with an anchor, for when its place is gone. */
export const MAX_QUOTE_LENGTH = 500;
/** People one comment may mention. */
export const MAX_MENTIONS = 20;
/** Longest name shown for an author. */
export const MAX_NAME_LENGTH = 200;
/** How far ahead of the server's clock a comment's time may be (clocks drift). */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;
/**
 * How old a comment's time may be when it reaches the server: one written
 * offline arrives when the connection returns, and a session lasts 30 days.
 */
export const MAX_OFFLINE_AGE_MS = 30 * 24 * 60 * 60_000;

/** Ids of threads, comments, accounts, tables, rows and columns. */
const idSchema = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/);
/** Milliseconds since the epoch. */
const timeSchema = z.number().int().nonnegative();

const yIdSchema = z.strictObject({
  client: z.number().int().nonnegative(),
  clock: z.number().int().nonnegative(),
});

/** `Y.relativePositionToJSON` of a position inside a section's text. */
export const relativePositionSchema = z.strictObject({
  type: yIdSchema.optional(),
  tname: z.string().max(128).optional(),
  item: yIdSchema.optional(),
  assoc: z.number().int().min(-1).max(0).optional(),
});
export type RelativePositionJson = z.infer<typeof relativePositionSchema>;

/** A cell of a table; `quote` is the row's main text when the thread was opened. */
export const cellAnchorSchema = z.strictObject({
  kind: z.literal("cell"),
  table: idSchema,
  rowId: idSchema,
  columnId: idSchema,
  quote: z.string().max(MAX_QUOTE_LENGTH),
});
export type CellAnchor = z.infer<typeof cellAnchorSchema>;

/** A phrase of a section's text, between two relative positions; `quote` is the phrase as it was. */
export const textAnchorSchema = z.strictObject({
  kind: z.literal("text"),
  section: idSchema,
  start: relativePositionSchema,
  end: relativePositionSchema,
  quote: z.string().max(MAX_QUOTE_LENGTH),
});
export type TextAnchor = z.infer<typeof textAnchorSchema>;

export const documentAnchorSchema = z.strictObject({ kind: z.literal("document") });
export type DocumentAnchor = z.infer<typeof documentAnchorSchema>;

export const anchorSchema = z.discriminatedUnion("kind", [cellAnchorSchema, textAnchorSchema, documentAnchorSchema]);
export type Anchor = z.infer<typeof anchorSchema>;

export const THREAD_STATUSES = ["open", "resolved"] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** One comment. A deleted comment keeps its place and author, without its text: a thread never loses a trace. */
export const commentSchema = z
  .strictObject({
    author: idSchema,
    authorName: z.string().min(1).max(MAX_NAME_LENGTH),
    text: z.string().max(MAX_COMMENT_LENGTH),
    createdAt: timeSchema,
    editedAt: timeSchema.optional(),
    deleted: z.literal(true).optional(),
    mentions: z.array(idSchema).max(MAX_MENTIONS),
  })
  .refine((c) => (c.deleted ? c.text === "" && c.mentions.length === 0 : c.text.trim().length > 0), {
    message: "a comment has text unless it was deleted, and then none",
  });
export type CommentRecord = z.infer<typeof commentSchema>;

/** A thread as JSON (`Y.Map#toJSON`). */
export const threadSchema = z
  .strictObject({
    anchor: anchorSchema,
    createdBy: idSchema,
    createdAt: timeSchema,
    status: z.enum(THREAD_STATUSES),
    statusBy: idSchema.optional(),
    statusByName: z.string().min(1).max(MAX_NAME_LENGTH).optional(),
    statusAt: timeSchema.optional(),
    comments: z.record(idSchema, commentSchema),
  })
  .refine((t) => Object.keys(t.comments).length > 0, { message: "a thread has at least its first comment" });
export type ThreadRecord = z.infer<typeof threadSchema>;

/** Ids of threads and comments: the same alphabet as row ids. */
export const commentIdSchema = idSchema;
