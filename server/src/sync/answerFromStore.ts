import type { StoredState } from "../storage/DocumentStore.ts";
import type { Connection } from "./Connection.ts";
import { decodeClientMessage, encodeSyncStep2FromUpdate, encodeUpdate } from "./protocol.ts";
import { isEmptyStateVector } from "./wholeStateAnswer.ts";

/**
 * A client that has nothing of a document (its sync step 1 carries an empty
 * state vector: a first visit, a browser without the offline copy) needs the
 * whole stored state, and that is exactly what the store just read: it is
 * sent as it is while the room is still being built from it, instead of after.
 * A big document then reaches the client in the time it takes to read it,
 * not to load it. The room, once loaded, sends this client what was stored
 * after (DocRoom.join), and the client's other messages wait for the room as before.
 *
 * Returns whether the message was answered here.
 */
export function answerFromStore(connection: Connection, message: Uint8Array, stored: StoredState): boolean {
  if (connection.answeredFromStore) return false;
  let decoded: ReturnType<typeof decodeClientMessage>;
  try {
    decoded = decodeClientMessage(message);
  } catch {
    return false; // the room will refuse it
  }
  if (decoded.type !== "sync-step1" || !isEmptyStateVector(decoded.stateVector)) return false;
  const updates = [...stored.snapshot, ...stored.updates];
  const last = updates.pop() ?? new Uint8Array([0, 0]);
  // Everything but the last as plain updates, the last as the step 2 that tells the client it is in sync.
  const messages = [...updates.map(encodeUpdate), encodeSyncStep2FromUpdate(last)];
  connection.answeredFromStore = true;
  connection.largestAnswerBytes = messages.reduce((sum, m) => sum + m.byteLength, 0);
  for (const answer of messages) connection.send(answer);
  return true;
}
