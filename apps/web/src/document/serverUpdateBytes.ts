import * as decoding from "lib0/decoding";
import type * as Y from "yjs";

/** y-protocols' sync steps that carry an update. */
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

type UpdateListener = (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction) => void;

/**
 * The update bytes of a sync message (positioned after its type) when it is
 * a step 2 or an update; null for a step 1 or a message that cannot be read.
 * Reads a copy: the decoder is left as it was.
 */
export function syncUpdateBytes(decoder: decoding.Decoder): Uint8Array | null {
  try {
    const copy = decoding.clone(decoder);
    const step = decoding.readVarUint(copy);
    return step === SYNC_STEP2 || step === SYNC_UPDATE ? decoding.readVarUint8Array(copy) : null;
  } catch {
    return null;
  }
}

/**
 * Gives the document's `update` listeners the bytes the server sent instead
 * of the ones Yjs would encode again from the transaction that applied them.
 *
 * Yjs encodes every transaction as an update for its `update` listeners
 * (y-indexeddb stores it, y-websocket sends local ones). For the server's
 * first sync of a 10,000-row roadmap that is 6.3 MB encoded again right after
 * it was decoded (a third of the time of applying it), before the first rows
 * can be drawn. The server's own bytes say the same (they may repeat what the
 * document had, which applying them again ignores), so while y-websocket
 * applies a step 2 or an update from the server (`apply`), the listeners are
 * held aside when its transaction is cleaned up (`afterTransactionCleanup`,
 * which Yjs emits right before it encodes) and called with those bytes right
 * after, before anything else is emitted (the next transaction's cleanup, the
 * end of all of them, or the end of `apply`): y-indexeddb stores them,
 * y-websocket ignores its own origin.
 */
export class ServerUpdateBytes {
  private bytes: Uint8Array | null = null;
  private held: { listeners: Set<UpdateListener>; transaction: Y.Transaction; bytes: Uint8Array } | null = null;

  constructor(
    private readonly doc: Y.Doc,
    /** The origin of the transactions y-websocket applies the server's messages in (the provider). */
    private readonly origin: () => unknown,
  ) {
    doc.on("afterTransactionCleanup", this.hold);
    doc.on("afterAllTransactions", this.release);
  }

  destroy(): void {
    this.doc.off("afterTransactionCleanup", this.hold);
    this.doc.off("afterAllTransactions", this.release);
    this.release();
  }

  /** Runs `apply` (y-websocket applying a sync message from the server, positioned after its type). */
  applyFromServer(decoder: decoding.Decoder, apply: () => void): void {
    this.bytes = syncUpdateBytes(decoder);
    try {
      apply();
    } finally {
      this.bytes = null;
      this.release();
    }
  }

  private hold = (transaction: Y.Transaction): void => {
    // The listeners of an earlier transaction are called before this one's are.
    this.release();
    if (this.bytes === null || transaction.origin !== this.origin()) return;
    const observers = this.doc._observers as Map<string, Set<UpdateListener>>;
    const listeners = observers.get("update");
    if (!listeners) return;
    observers.delete("update");
    this.held = { listeners, transaction, bytes: this.bytes };
  };

  private release = (): void => {
    const held = this.held;
    if (!held) return;
    this.held = null;
    const observers = this.doc._observers as Map<string, Set<UpdateListener>>;
    // A listener added meanwhile (none is, but keep it) joins the others.
    for (const listener of observers.get("update") ?? []) held.listeners.add(listener);
    observers.set("update", held.listeners);
    // Only one transaction gets the bytes (one message is applied in one).
    this.bytes = null;
    const { transaction } = held;
    if (!changedDocument(transaction)) return;
    for (const listener of [...held.listeners]) listener(held.bytes, transaction.origin, this.doc, transaction);
  };
}

/** Whether Yjs would emit `update` for the transaction: it inserted or deleted something. */
function changedDocument(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true;
  }
  return false;
}
