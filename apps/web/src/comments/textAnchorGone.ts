import type { TextAnchor } from "@karta/doc";
import * as Y from "yjs";

// Apart from textAnchors.ts: the discussion panel needs only this, and no editor (y-tiptap, ProseMirror).

/** Whether a Yjs type or one of its ancestors was deleted. */
function removed(type: Y.AbstractType<unknown>): boolean {
  let item = type._item;
  while (item) {
    if (item.deleted) return true;
    item = (item.parent as Y.AbstractType<unknown>)._item;
  }
  return false;
}

/**
 * Whether an anchored phrase's text was removed, from the Yjs document alone
 * (the editor need not be open): its ends no longer resolve, sit in a deleted
 * paragraph, or met when the text between them went.
 */
export function textAnchorGone(ydoc: Y.Doc, anchor: Pick<TextAnchor, "start" | "end">): boolean {
  const start = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(anchor.start), ydoc);
  const end = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(anchor.end), ydoc);
  if (!start || !end) return true;
  if (removed(start.type) || removed(end.type)) return true;
  return start.type === end.type && start.index >= end.index;
}
