import * as Y from "yjs";
import { encodeSyncStep2FromUpdate, encodeUpdate } from "./protocol.ts";

/** Updates kept after the encoded state before it is encoded again (each is a message of the answer). */
export const MAX_KEPT_UPDATES = 500;
/** …or once they weigh this share of the encoded state. */
const MAX_KEPT_SHARE = 0.25;
/** An update of nothing: the step 2 that ends the answer and tells the client it is in sync. */
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

/**
 * The answer to a client that has nothing of a loaded document (a first
 * visit): its whole state. Encoding it is the costly part (6.3 MB and some
 * 0.3-0.5 s for a 10,000-row roadmap, during which the server's event loop
 * answers nothing else), so it is encoded once and kept with the updates the
 * document took since: the state as encoded, then each later update, then an
 * empty step 2, apply to exactly the document's state now. It is encoded
 * again when the updates grow past MAX_KEPT_UPDATES or a quarter of its size,
 * and for another document object (the room put back its stored state).
 */
export class WholeStateAnswer {
  private doc: Y.Doc | null = null;
  private state: Uint8Array | null = null;
  private later: Uint8Array[] = [];
  private laterBytes = 0;

  /** The messages to send, in order; the last is the step 2. */
  messages(doc: Y.Doc): Uint8Array[] {
    if (doc !== this.doc || !this.state) this.encode(doc);
    // The later updates are framed here, not as they come: most rooms are edited far more than visited.
    const later = this.later.map((update) => encodeUpdate(update));
    return [...(this.state ? [this.state] : []), ...later, encodeSyncStep2FromUpdate(EMPTY_UPDATE)];
  }

  /** Forgets the encoded state (the room is closing). */
  clear(): void {
    this.doc?.off("update", this.onUpdate);
    this.doc = null;
    this.state = null;
    this.later = [];
    this.laterBytes = 0;
  }

  private encode(doc: Y.Doc): void {
    this.clear();
    this.doc = doc;
    this.state = encodeUpdate(Y.encodeStateAsUpdate(doc));
    doc.on("update", this.onUpdate);
  }

  private onUpdate = (update: Uint8Array): void => {
    const state = this.state;
    if (!state) return;
    // Yjs hands each listener the transaction's own encoding, which nobody changes afterwards: kept as is.
    this.later.push(update);
    this.laterBytes += update.byteLength;
    // Encoded again at the next answer: the client would otherwise apply a long tail of small updates.
    if (this.later.length > MAX_KEPT_UPDATES || this.laterBytes > state.byteLength * MAX_KEPT_SHARE) {
      this.state = null;
      this.later = [];
      this.laterBytes = 0;
    }
  };
}

/** A state vector of no clients (varUint 0): the client has nothing of the document. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0;
}
