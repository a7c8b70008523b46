/**
 * Limits of /sync the web app must know before it sends: shared by the
 * server (server/src/limits.ts, which enforces them) and the app.
 */

/**
 * One websocket message the server accepts: a bigger change is refused with
 * close code 4413 (TooLarge). One Yjs transaction travels as one message, so
 * an import checks its size against this before it writes.
 */
export const MAX_SYNC_MESSAGE_BYTES = 4 * 1024 * 1024;
