/**
 * Limits of /sync the web app must know before it sends: shared by the
 * server (server/src/limits.ts, which enforces them) and the app.
 */

/**
 * One websocket message the server accepts: a bigger change is refused with
 * close code 4413 (TooLarge). One Yjs transaction travels as one message, so
 * an import checks its size against this before it writes. 12 MiB: a
 * 10,000-row roadmap of real-length measures (~180 characters a row) is
 * ~5 MiB and imports as one transaction, with room to spare; it stays under
 * the byte burst a socket may send at once (BYTE_BURST, 16 MiB).
 */
export const MAX_SYNC_MESSAGE_BYTES = 12 * 1024 * 1024;
