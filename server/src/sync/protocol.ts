/**
 * The y-websocket wire protocol, as the stock WebsocketProvider speaks it.
 * Every message is a varuint type followed by its body:
 *   0 sync      — y-protocols sync: step 1 (state vector), step 2 (missing
 *                 updates), or a plain update;
 *   1 awareness — y-protocols awareness update (presence);
 *   2 auth      — server to client only: "permission denied" with a reason,
 *                 sent when an update of a read-only connection is refused;
 *   3 query awareness — "send me everyone's presence";
 *   100 saved   — server to client only, and only to sockets opened with
 *                 `?saved=1`: the client's updates are stored (see
 *                 SAVED_MESSAGE_TYPE in @karta/schema).
 * On connect the server sends step 1 and the current awareness; the client
 * answers with step 2 and sends its own step 1, which the server answers.
 */
import { SAVED_MESSAGE_TYPE } from "@karta/schema";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as authProtocol from "y-protocols/auth";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  Saved: SAVED_MESSAGE_TYPE,
} as const;
export const SyncStep = {
  Step1: syncProtocol.messageYjsSyncStep1,
  Step2: syncProtocol.messageYjsSyncStep2,
  Update: syncProtocol.messageYjsUpdate,
} as const;

export class ProtocolError extends Error {
  override name = "ProtocolError";
}

/** A decoded client message; Yjs payloads stay encoded until validated. */
export type ClientMessage =
  | { type: "sync-step1"; stateVector: Uint8Array }
  /**
   * `asReceived`: the message itself, when it can go to the peers as it came (a
   * plain update, nothing after it) should the update turn out to be new as a whole.
   */
  | { type: "sync-update"; update: Uint8Array; asReceived: Uint8Array | null }
  | { type: "awareness"; update: Uint8Array }
  | { type: "query-awareness" };

/** Decodes one client message, throwing ProtocolError on anything unknown or truncated. */
export function decodeClientMessage(message: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    let result: ClientMessage;
    if (type === MessageType.Sync) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === SyncStep.Step1) {
        Y.decodeStateVector(payload); // a malformed one is the client's error, found here and not when answering
        result = { type: "sync-step1", stateVector: payload };
      } else if (step === SyncStep.Step2 || step === SyncStep.Update) {
        const plainUpdate = step === SyncStep.Update && decoder.pos === message.byteLength;
        result = { type: "sync-update", update: payload, asReceived: plainUpdate ? message : null };
      } else throw new ProtocolError(`unknown sync step ${step}`);
    } else if (type === MessageType.Awareness) {
      result = { type: "awareness", update: decoding.readVarUint8Array(decoder) };
    } else if (type === MessageType.QueryAwareness) {
      result = { type: "query-awareness" };
    } else {
      throw new ProtocolError(`unknown message type ${type}`);
    }
    return result;
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`truncated or malformed message: ${(error as Error).message}`);
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** A sync step 2 that carries an update already encoded (a stored one). */
export function encodeSyncStep2FromUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SyncStep.Step2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: readonly number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [...clients]));
  return encoding.toUint8Array(encoder);
}

/** y-protocols' "permission denied": the stock provider hands the reason to its permissionDeniedHandler. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Auth);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/**
 * "Your first `updates` update messages on this socket are in the durable
 * log; this is the document's state vector now" (SAVED_MESSAGE_TYPE).
 */
export function encodeSaved(stateVector: Uint8Array, updates: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Saved);
  encoding.writeVarUint8Array(encoder, stateVector);
  encoding.writeVarUint(encoder, updates);
  return encoding.toUint8Array(encoder);
}
