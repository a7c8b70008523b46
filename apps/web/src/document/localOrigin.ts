/**
 * A transaction origin that belongs to one open page. Every write the page
 * makes carries it, and the page's Y.UndoManager tracks only it, so Ctrl+Z
 * undoes one's own edits and never a colleague's (or what IndexedDB or the
 * server replayed).
 */
export interface LocalOrigin {
  readonly kind: "karta-local-edit";
  readonly docId: string;
}

export function createLocalOrigin(docId: string): LocalOrigin {
  // A fresh object per page: identity, not equality, is what Yjs compares.
  return { kind: "karta-local-edit", docId };
}
