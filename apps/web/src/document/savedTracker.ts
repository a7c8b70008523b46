import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { raiseStateVector, type StateVector, stateVectorCovers } from "./stateVectorCovers.ts";

/** y-websocket's sync message type and the sync steps that carry changes. */
const MESSAGE_SYNC = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/**
 * What one socket has learned about which of this device's changes the
 * server has stored (the saved message, SAVED_MESSAGE_TYPE in @karta/schema).
 * A new one is made for every socket: counts are per socket.
 *
 * Saved means both:
 * - every sync step 2 and update sent on this socket is acknowledged: the
 *   server handles a socket's messages in order, so this also covers
 *   deletions, which advance no state vector;
 * - the server's state vector, as last acknowledged and raised by every
 *   change the server sent (it sends only what it has stored), covers the
 *   local document's: this covers changes this socket never sent, such as
 *   those another tab passed on through the BroadcastChannel.
 * A change the server refused (read-only) is never saved on this socket.
 */
export class SavedTracker {
  private sent = 0;
  private acknowledged = 0;
  private refusedChange = false;
  private readonly server = new Map<number, number>();

  /** An outgoing message on this socket (as y-websocket sends it): counts changes sent. */
  noteSent(message: unknown): void {
    if (
      message instanceof Uint8Array &&
      message[0] === MESSAGE_SYNC &&
      (message[1] === SYNC_STEP2 || message[1] === SYNC_UPDATE)
    ) {
      this.sent++;
    }
  }

  /**
   * A sync message from the server, positioned after its type, and `apply`,
   * y-websocket's handler that applies it to `doc`. A step 2 or an update the
   * server sends is stored already: the server has at least every clock it
   * carries. Those clocks are read from `doc`, as what applying the message
   * added to its state vector, for decoding the update a second time cost as
   * much as applying it (69 ms for the first sync of a 10,000-row roadmap).
   * Two cases read the update instead: the document held changes waiting for
   * missing ones (pending), which this message may let in though they came
   * from elsewhere (another tab); and this device's own clock, which a change
   * made while the message is applied (an observer that writes) also advances.
   */
  receiveFromServer(decoder: decoding.Decoder, doc: Y.Doc, apply: () => void): void {
    if (!carriesChanges(decoder) || doc.store.pendingStructs !== null) {
      this.noteFromServer(decoder);
      apply();
      return;
    }
    const before = stateVectorOf(doc);
    apply();
    const carried = new Map<number, number>();
    for (const [client, clock] of stateVectorOf(doc)) {
      if (client !== doc.clientID && clock > (before.get(client) ?? 0)) carried.set(client, clock);
    }
    raiseStateVector(this.server, carried);
  }

  /**
   * A sync message from the server, positioned after its type, read for the
   * clocks it carries (see receiveFromServer). Reads a copy; the decoder is
   * left as it was.
   */
  noteFromServer(decoder: decoding.Decoder): void {
    try {
      const copy = decoding.clone(decoder);
      const step = decoding.readVarUint(copy);
      if (step !== SYNC_STEP2 && step !== SYNC_UPDATE) return;
      raiseStateVector(this.server, Y.parseUpdateMeta(decoding.readVarUint8Array(copy)).to);
    } catch {
      // Not readable: y-websocket's own handler will say so; nothing is learned.
    }
  }

  /** A saved message from the server, positioned after its type. */
  noteSaved(decoder: decoding.Decoder): void {
    const stateVector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    const count = decoding.readVarUint(decoder);
    raiseStateVector(this.server, stateVector);
    this.acknowledged = Math.max(this.acknowledged, count);
  }

  /** The server refused a change sent on this socket ("permission denied"). */
  noteRefused(): void {
    this.refusedChange = true;
  }

  get refused(): boolean {
    return this.refusedChange;
  }

  /** Whether the server has stored everything of `local` (the document's state vector now). */
  isSaved(local: StateVector): boolean {
    return !this.refusedChange && this.acknowledged >= this.sent && stateVectorCovers(this.server, local);
  }
}

/** Whether a sync message (positioned after its type) is a step 2 or an update; the decoder is left as it was. */
function carriesChanges(decoder: decoding.Decoder): boolean {
  try {
    const step = decoding.readVarUint(decoding.clone(decoder));
    return step === SYNC_STEP2 || step === SYNC_UPDATE;
  } catch {
    return false;
  }
}

function stateVectorOf(doc: Y.Doc): Map<number, number> {
  const vector = new Map<number, number>();
  for (const client of doc.store.clients.keys()) vector.set(client, Y.getState(doc.store, client));
  return vector;
}
