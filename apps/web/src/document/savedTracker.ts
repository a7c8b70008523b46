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
   * A sync message from the server, positioned after its type. A step 2 or
   * an update the server sends is stored already: the server has at least
   * every clock it carries. Reads a copy; the decoder is left as it was.
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
