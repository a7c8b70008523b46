import { MAX_SYNC_MESSAGE_BYTES } from "@karta/schema";

/**
 * Every limit of the server, with the reason for its size. Changing one is a
 * product decision: the web app and the tests rely on these numbers.
 */

/**
 * One websocket message the server accepts; a paste of a 1000-row table is ~1 MiB. Shared with
 * the web app (@karta/schema), whose import checks its one transaction against it before writing.
 */
export const MAX_MESSAGE_BYTES = MAX_SYNC_MESSAGE_BYTES;

/**
 * The socket layer drops anything larger before it is even buffered whole, so
 * a hostile client cannot make the server hold an arbitrary frame in memory.
 */
export const MAX_FRAME_BYTES = 2 * MAX_MESSAGE_BYTES;

/** A document's encoded state; the largest real roadmap is a few hundred KiB. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

/** A comments companion's state: ~8,000 comments of 500 characters; a flood of text is refused. */
export const MAX_COMMENTS_DOCUMENT_BYTES = 4 * 1024 * 1024;

/**
 * One person's presence (awareness state) as JSON. Karta's is ~300 bytes (name,
 * colour, the selected cell, a text caret); a bigger one would be copied to
 * every peer and every joiner of the document.
 */
export const MAX_PRESENCE_STATE_BYTES = 8 * 1024;

/** Nesting of a presence state's JSON: Karta's is 4 deep; 20,000 deep broke JSON.stringify for joiners. */
export const MAX_PRESENCE_DEPTH = 8;

/** Entries in one awareness message: a socket announces only its own client id (and may remove it). */
export const MAX_AWARENESS_ENTRIES = 4;

/**
 * Messages a socket may send per second, with a burst. Typing and moving the
 * caret send ~20 a second; over the budget the server stops reading the socket
 * until it has refilled (TCP pushes back on the sender). Messages that arrived
 * together are delivered even so: a socket that overdraws by a second burst is
 * closed (4429). The same for bytes.
 */
export const MESSAGES_PER_SECOND = 200;
export const MESSAGE_BURST = 400;

/** Bytes a socket may send per second, with a burst: a first sync after a long offline spell is a few MiB. */
export const BYTES_PER_SECOND = 4 * 1024 * 1024;
export const BYTE_BURST = 16 * 1024 * 1024;

/**
 * A socket's messages waiting in its room's queue (applied, checked, stored in
 * turn). Beyond this the server stops reading the socket until the room caught up.
 */
export const MAX_QUEUED_BYTES = 8 * 1024 * 1024;

/**
 * What the server has sent a socket and the client has not read yet. Above the
 * first, the server stops reading the socket (it would only ask for more
 * answers) and defers answers to sync requests; above the second (plus its
 * largest sync answer, so a big document's first sync fits) the socket has
 * fallen behind and is closed with 4503: it reconnects and syncs afresh.
 */
export const READ_PAUSE_BACKLOG_BYTES = 1024 * 1024;
export const MAX_BACKLOG_BYTES = 8 * 1024 * 1024;

/** How often a paused socket is looked at again. */
export const BACKPRESSURE_POLL_MS = 25;

/**
 * Sockets open at once with one session or token, and for one account. A
 * person with 25 tabs of documents holds 50 (content and comments); a script
 * exporting documents needs a few. 2,000 were accepted before this limit.
 */
export const MAX_SOCKETS_PER_CREDENTIAL = 64;
export const MAX_SOCKETS_PER_ACCOUNT = 256;

/** JSON request bodies of the HTTP API. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** Compact the update log into a snapshot after this many appended updates. */
export const COMPACT_EVERY_UPDATES = 500;

/**
 * Each room adds a random 0..this many to COMPACT_EVERY_UPDATES. Rooms opened
 * together and edited at the same pace would otherwise all compact in the same
 * second, and each compaction holds the event loop (the bench showed a p99 of
 * ~350 ms in that second with 50 rooms).
 */
export const COMPACT_JITTER_UPDATES = 250;

/**
 * With several instances, how long a room waits for another instance's append
 * that the fan-out has not brought (a later one came first) before reading it
 * from the log: long enough for a message on its way, short enough that a
 * lost one is barely noticed.
 */
export const CATCH_UP_DELAY_MS = 100;

/** A document with no connection stays loaded this long, for quick reconnects. */
export const IDLE_UNLOAD_MS = 30_000;

/** Sockets that do not answer a ping within this interval are dropped. */
export const PING_INTERVAL_MS = 30_000;

/** A session lasts this long after login; logging in again starts a new one. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** An invitation link can be used once, within this time. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A socket the server closed gets this long to answer the close frame before it
 * is cut. ws alone would wait 30 s; a client whose rights were revoked gains
 * nothing by lingering (its messages are dropped from the moment of closing),
 * but it should not hold a connection slot either.
 */
export const CLOSE_GRACE_MS = 2_000;

/** Longest close reason the server sends: RFC 6455 leaves 123 bytes of a close frame for it. */
export const MAX_CLOSE_REASON_BYTES = 123;

/**
 * Failed logins are counted per (login, source address) and per source over
 * all logins, never per login alone: a stranger's guesses then lock only the
 * stranger out, never the person whose login they guess. Five in the window is
 * more than anyone mistypes; twenty per source lets a school behind one
 * address (NAT) mistype a few logins, but stops a spray over many logins.
 */
export const LOGIN_FAILURES_PER_LOGIN_AND_SOURCE = 5;
export const LOGIN_FAILURES_PER_SOURCE = 20;
export const LOGIN_THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/**
 * scrypt hashes or verifications at once. Each takes 32 MiB and ~60 ms of one
 * of libuv's 4 pool threads; two at once keep the other two for file I/O and
 * hold memory to 64 MiB, however many guesses arrive (64 parallel guesses made
 * a real login 40× slower before this limit).
 */
export const PASSWORD_HASH_CONCURRENCY = 2;

/**
 * Hashes waiting for a turn, in arrival order: 16 × ~60 ms / 2 is about half a
 * second of waiting at most. Beyond that the caller is told at once to retry.
 */
export const PASSWORD_HASH_QUEUE = 16;

/** Retry-After of a login refused because the server is busy, or another login from that source is under way. */
export const LOGIN_BUSY_RETRY_AFTER_SECONDS = 2;

/**
 * Repeats of a flood-prone audit event (failed or refused logins, access
 * refusals) within this window add to the count of one entry instead of new
 * rows: a thousand guesses must not push a role grant out of the journal.
 */
export const AUDIT_REPEAT_WINDOW_MS = 15 * 60 * 1000;

/** A document that changed gets a version at most this often (besides those of the workflow and named ones). */
export const DAILY_VERSION_MS = 24 * 60 * 60 * 1000;

/**
 * A document's events stream (GET /api/documents/:id/events) sends a comment
 * this often when nothing else happened: proxies and load balancers commonly
 * drop a response silent for 30 to 60 s.
 */
export const EVENT_STREAM_HEARTBEAT_MS = 25_000;

/** How long an events stream's client waits before reconnecting (the SSE `retry:` field). */
export const EVENT_STREAM_RETRY_MS = 5_000;

/**
 * Changes to a document's comments (each moves the comment counts of its
 * summary) reach its events streams at most this often: a thread and its
 * replies written in a minute make a summary every few seconds, not one each.
 */
export const SUMMARY_EVENT_DELAY_MS = 3_000;

/**
 * How long after a document's last stored change «Мониторинг»'s facts of it are
 * computed again: a burst of typing costs one pass over its rows, and an open
 * dashboard hears of a status set in a grid about a second later.
 */
export const FACTS_REFRESH_DELAY_MS = 1_000;

/**
 * What an events stream's client has not read yet; beyond it the stream is
 * cut (its client reconnects and gets the current summary). A summary is ~1 KiB.
 */
export const MAX_EVENT_STREAM_BACKLOG_BYTES = 256 * 1024;

/**
 * Events streams open at once with one session or token, and for one account.
 * The web app holds one per visible document page; a script needs a few.
 */
export const MAX_EVENT_STREAMS_PER_CREDENTIAL = 32;
export const MAX_EVENT_STREAMS_PER_ACCOUNT = 128;

/**
 * How often the WAL checkpointer's thread copies the WAL into the database
 * file (storage/walCheckpointer.ts); and the WAL size, in 4 KiB pages, past
 * which the committing connection does it itself (SQLite's default is 1,000:
 * a checkpoint on the main thread every few hundred milliseconds under load).
 */
export const WAL_CHECKPOINT_EVERY_MS = 250;
export const WAL_AUTOCHECKPOINT_PAGES = 4000;

/**
 * How long a cell's history (who set what, conflicts) gathers before it is
 * committed, in one transaction for all rooms: nobody waits for it, and at a
 * few edits per second per room a commit per edit was most of SQLite's work.
 */
export const CELL_RECORDS_DELAY_MS = 50;
