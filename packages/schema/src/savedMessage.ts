/**
 * Karta's one addition to the y-websocket protocol: the server's receipt
 * that a client's changes are in its durable log. The plain protocol has no
 * acknowledgement, so without it a client cannot tell "sent" from "stored".
 *
 * A client opts in with `?saved=1` on the socket's URL (stock y-websocket
 * clients log unknown message types as errors, so they never get one). Then,
 * after each sync step 2 or update it sent has been appended to the log, or
 * found to hold nothing the server did not already have, the server sends
 *
 *   [varUint SAVED_MESSAGE_TYPE]
 *   [varUint8Array Y.encodeStateVector(server's document)]
 *   [varUint n: how many sync step 2 / update messages this socket had sent]
 *
 * meaning: "the first n of your update messages on this socket are stored,
 * and this is my state vector now". The count is there because a deletion
 * does not advance a state vector: only the order of messages on the socket
 * can tell that it was stored. When several updates of a socket are queued,
 * only the last one is acknowledged (its count covers the others). A refused
 * update (read-only, invalid) is never acknowledged.
 */
export const SAVED_MESSAGE_TYPE = 100;

/** The query parameter (value `1`) by which a socket asks for saved messages. */
export const SAVED_QUERY_PARAMETER = "saved";
