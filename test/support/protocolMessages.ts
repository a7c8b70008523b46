import { CommentsModel } from "@karta/doc";
import { SAVED_MESSAGE_TYPE } from "@karta/schema";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { syncUpdateMessage } from "./rawSocket.ts";

/** y-websocket's auth message (type 2): the reason of a "permission denied", or null for any other message. */
export function permissionDeniedReason(message: Uint8Array): string | null {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== 2) return null;
  if (decoding.readVarUint(decoder) !== 0) return null;
  return decoding.readVarString(decoder);
}

/** A sync update message made by a throwaway Y.Doc, written by `write`. */
export function handMadeUpdate(write: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  write(doc);
  const message = syncUpdateMessage(Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return message;
}

/**
 * A well-formed new row of the `measures` table, as the table model would
 * write it, by a throwaway Y.Doc of its own: the Yjs update and the state
 * vector it brings.
 */
export function newRow(measure: string): { update: Uint8Array; stateVector: Map<number, number> } {
  const doc = new Y.Doc();
  doc.getMap("table:measures").set(
    `row-${doc.clientID}`,
    new Y.Map<unknown>([
      ["order", "a0"],
      ["measure", measure],
    ]),
  );
  const row = { update: Y.encodeStateAsUpdate(doc), stateVector: Y.decodeStateVector(Y.encodeStateVector(doc)) };
  doc.destroy();
  return row;
}

/** `newRow` as a sync update message. */
export function newRowUpdate(measure: string): Uint8Array {
  return syncUpdateMessage(newRow(measure).update);
}

/** Karta's saved message (SAVED_MESSAGE_TYPE): the server's state vector and the count of updates it acknowledges, or null. */
export function savedMessage(message: Uint8Array): { stateVector: Map<number, number>; count: number } | null {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== SAVED_MESSAGE_TYPE) return null;
  const stateVector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
  return { stateVector, count: decoding.readVarUint(decoder) };
}

/** The type of a message (its first varuint). */
export function messageType(message: Uint8Array): number {
  return decoding.readVarUint(decoding.createDecoder(message));
}

/** A sync step 1 with an empty state vector: "send me everything", answered by a step 2. */
export function syncStep1Message(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(encoder);
}

/** Whether a message is a sync step 2 (the answer to a step 1). */
export function isSyncStep2(message: Uint8Array): boolean {
  return message[0] === 0 && message[1] === 1;
}

/**
 * A sync update message opening a well-formed comment thread on the whole
 * document, written as the signed-in account `secret` belongs to (its id and
 * name, from GET /api/session), as the comments model would write it.
 */
export async function commentThreadUpdate(httpUrl: string, secret: string, text: string): Promise<Uint8Array> {
  const res = await fetch(`${httpUrl}/api/session`, { headers: { authorization: `Bearer ${secret}` } });
  const { user } = (await res.json()) as { user: { id: string; fullName: string } };
  return handMadeUpdate((doc) =>
    new CommentsModel(doc).openThread({ accountId: user.id, name: user.fullName }, { kind: "document" }, text),
  );
}

/** A sync step 1 with an empty state vector: what a client with nothing of the document sends. */
export function emptySyncStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(encoder);
}

/** A sync message's step (0 step 1, 1 step 2, 2 update) and payload; null for other messages. */
export function syncMessageOf(message: Uint8Array): { step: number; payload: Uint8Array } | null {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== 0) return null;
  const step = decoding.readVarUint(decoder);
  return { step, payload: decoding.readVarUint8Array(decoder) };
}
