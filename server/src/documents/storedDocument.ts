import * as Y from "yjs";
import type { DocumentStore, StoredState } from "../storage/DocumentStore.ts";

/**
 * A document's stored state as a fresh Y.Doc, for reading outside a room
 * (figures, prefills). Everything a room holds is stored before anyone sees
 * it, so this is never behind what clients were sent.
 */
export async function readStoredDocument(
  store: DocumentStore,
  docId: string,
  origin: unknown = null,
): Promise<{ doc: Y.Doc; size: number; lastSeq: number }> {
  const state = await store.loadState(docId);
  const doc = new Y.Doc();
  let size = 0;
  doc.transact(() => {
    for (const update of [...state.snapshot, ...state.updates]) {
      Y.applyUpdate(doc, update, origin);
      size += update.byteLength;
    }
  }, origin);
  return { doc, size, lastSeq: state.lastSeq };
}

/**
 * The same, for a room that is loading, from the state its caller read: a
 * snapshot stored in parts (stateParts.ts) is applied one part per turn of the
 * event loop, so loading a big document does not hold up other rooms'
 * messages and other requests. The log after the snapshot is applied in one
 * transaction, as it is small.
 */
export async function buildStoredDocument(
  state: StoredState,
  origin: unknown,
): Promise<{ doc: Y.Doc; size: number; lastSeq: number }> {
  const doc = new Y.Doc();
  let size = 0;
  for (const part of state.snapshot) {
    // The turn that read the state (or applied the previous part) ends first.
    if (state.snapshot.length > 1) await new Promise((resolve) => setImmediate(resolve));
    Y.applyUpdate(doc, part, origin);
    size += part.byteLength;
  }
  doc.transact(() => {
    for (const update of state.updates) {
      Y.applyUpdate(doc, update, origin);
      size += update.byteLength;
    }
  }, origin);
  return { doc, size, lastSeq: state.lastSeq };
}
