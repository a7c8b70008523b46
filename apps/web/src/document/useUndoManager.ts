import type { KartaDocument } from "@karta/doc";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import * as Y from "yjs";
import type { LocalOrigin } from "./localOrigin.ts";

/** Undo and redo of this page's own edits, and whether each is possible now. */
export interface UndoController {
  readonly undo: () => void;
  readonly redo: () => void;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/**
 * A Y.UndoManager over the document's tables (or one of them, when a page
 * shows several, each with its own undo button) that tracks only this page's
 * origin. Every edit is its own step (captureTimeout 0): two quick edits in
 * different cells are two things to undo, as in a spreadsheet.
 */
export function useUndoManager(document: KartaDocument, origin: LocalOrigin, tableId?: string): UndoController {
  const manager = useMemo(
    () => new Y.UndoManager(document.undoScope(tableId), { trackedOrigins: new Set([origin]), captureTimeout: 0 }),
    [document, origin, tableId],
  );
  useEffect(() => () => manager.destroy(), [manager]);
  const state = useSyncExternalStore(
    (listener) => {
      const events = ["stack-item-added", "stack-item-popped", "stack-cleared"] as const;
      for (const e of events) manager.on(e, listener);
      return () => {
        for (const e of events) manager.off(e, listener);
      };
    },
    () => `${manager.canUndo() ? 1 : 0}${manager.canRedo() ? 1 : 0}`,
  );
  return useMemo(
    () => ({
      undo: () => manager.undo(),
      redo: () => manager.redo(),
      canUndo: state[0] === "1",
      canRedo: state[1] === "1",
    }),
    [manager, state],
  );
}
