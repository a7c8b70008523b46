import * as decoding from "lib0/decoding";
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

/** A well-formed new row of the `measures` table, as the table model would write it. */
export function newRowUpdate(measure: string): Uint8Array {
  return handMadeUpdate((doc) => {
    doc.getMap("table:measures").set(
      `row-${Math.random().toString(36).slice(2)}`,
      new Y.Map<unknown>([
        ["order", "a0"],
        ["measure", measure],
      ]),
    );
  });
}
