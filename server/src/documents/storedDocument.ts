import * as Y from "yjs";
import type { DocumentStore } from "../storage/DocumentStore.ts";

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
    for (const update of state.snapshot ? [state.snapshot, ...state.updates] : state.updates) {
      Y.applyUpdate(doc, update, origin);
      size += update.byteLength;
    }
  }, origin);
  return { doc, size, lastSeq: state.lastSeq };
}
