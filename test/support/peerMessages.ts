/**
 * Hand-made messages of a hostile peer: presence entries as raw JSON text,
 * a GC struct on someone else's client id, sync requests.
 */

import * as encoding from "lib0/encoding";

/** A y-websocket awareness message (type 1) of entries whose state is given as raw text (it need not be JSON). */
export function awarenessMessage(entries: readonly { clientId: number; clock: number; json: string }[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, json);
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

/** A presence state as Karta's app publishes it. */
export function presenceJson(name: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ user: { name, color: "#188038", initials: "ХХ" }, cursor: null, ...extra });
}

/** JSON text nested `depth` arrays deep. */
export function deepJson(depth: number): string {
  return `${"[".repeat(depth)}${"]".repeat(depth)}`;
}

/**
 * A Yjs update (v1) holding one GC struct of `length` clocks at `clientId`
 * from `clock` on: 13 bytes that make every replica believe those clocks of
 * that client are already there (and garbage-collected).
 */
export function gcStructUpdate(clientId: number, clock: number, length: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one client
  encoding.writeVarUint(encoder, 1); // one struct
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeUint8(encoder, 0); // GC
  encoding.writeVarUint(encoder, length);
  encoding.writeVarUint(encoder, 0); // empty delete set
  return encoding.toUint8Array(encoder);
}

/** "Send me everyone's presence" (y-websocket message type 3). */
export const PRESENCE_QUERY = new Uint8Array([3]);

/**
 * How much the server may grow while a presence or slow-reader attack runs:
 * before these were limited it held 400 MB more for one viewer.
 */
export const ATTACK_RSS_BOUND_MIB = 64;
