import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { AppendedUpdate } from "../sync/DocRoom.ts";
import type { AccessChange, RelayedEvent } from "./Fanout.ts";

/**
 * The messages instances send each other about a room, in lib0's binary
 * encoding (the one Yjs and y-protocols use): the sender's instance id first,
 * so that an instance skips its own, then the kind and its body.
 */
export type RoomMessage =
  | { readonly kind: "appended"; readonly from: string; readonly entry: AppendedUpdate }
  | { readonly kind: "presence"; readonly from: string; readonly update: Uint8Array };

const APPENDED = 0;
const PRESENCE = 1;

export function encodeRoomMessage(message: RoomMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, message.from);
  if (message.kind === "appended") {
    const { seq, update, accountId, clientIds } = message.entry;
    encoding.writeVarUint(encoder, APPENDED);
    encoding.writeVarUint(encoder, seq);
    encoding.writeVarString(encoder, accountId ?? "");
    encoding.writeVarUint(encoder, clientIds.length);
    for (const id of clientIds) encoding.writeVarUint(encoder, id);
    encoding.writeVarUint8Array(encoder, update);
  } else {
    encoding.writeVarUint(encoder, PRESENCE);
    encoding.writeVarUint8Array(encoder, message.update);
  }
  return encoding.toUint8Array(encoder);
}

/** Throws on a message this version cannot read. */
export function decodeRoomMessage(bytes: Uint8Array): RoomMessage {
  const decoder = decoding.createDecoder(bytes);
  const from = decoding.readVarString(decoder);
  const kind = decoding.readVarUint(decoder);
  if (kind === APPENDED) {
    const seq = decoding.readVarUint(decoder);
    const accountId = decoding.readVarString(decoder) || null;
    const clientIds = Array.from({ length: decoding.readVarUint(decoder) }, () => decoding.readVarUint(decoder));
    const update = decoding.readVarUint8Array(decoder);
    return { kind: "appended", from, entry: { seq, update, accountId, clientIds } };
  }
  if (kind === PRESENCE) return { kind: "presence", from, update: decoding.readVarUint8Array(decoder) };
  throw new Error(`unknown room message kind ${kind}`);
}

export function encodeAccessMessage(from: string, change: AccessChange): string {
  return JSON.stringify({ from, ...change });
}

/** Throws on a message this version cannot read. */
export function decodeAccessMessage(text: string): { from: string; change: AccessChange } {
  const { from, kind, id } = JSON.parse(text) as { from?: unknown; kind?: unknown; id?: unknown };
  if (typeof from !== "string" || typeof id !== "string") throw new Error("malformed access message");
  if (kind !== "credential" && kind !== "account" && kind !== "document")
    throw new Error(`unknown access change ${kind}`);
  return { from, change: { kind, id } };
}

const RELAYED_EVENT_TYPES: ReadonlySet<string> = new Set<RelayedEvent["type"]>([
  "summary",
  "conflicts",
  "evidence",
  "facts",
]);

export function encodeEventMessage(from: string, docId: string, event: RelayedEvent): string {
  return JSON.stringify({ from, docId, type: event.type });
}

/** Throws on a message this version cannot read. */
export function decodeEventMessage(text: string): { from: string; docId: string; event: RelayedEvent } {
  const { from, docId, type } = JSON.parse(text) as { from?: unknown; docId?: unknown; type?: unknown };
  if (typeof from !== "string" || typeof docId !== "string") throw new Error("malformed document event message");
  if (typeof type !== "string" || !RELAYED_EVENT_TYPES.has(type)) throw new Error(`unknown document event ${type}`);
  return { from, docId, event: { type } as RelayedEvent };
}
