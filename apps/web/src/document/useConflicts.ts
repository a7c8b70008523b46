import type { CellConflictJson } from "@karta/schema";
import { useCallback, useEffect, useState } from "react";
import type * as Y from "yjs";
import { fetchConflicts } from "../api/workflowApi.ts";

const CONFLICTS_DEBOUNCE_MS = 1_000;

/**
 * The document's open «конфликт правок»: asked once the document is synced
 * and again a moment after it changes (a colleague's offline edits arriving
 * may make one), or when `reload` is called after picking a value.
 */
export function useConflicts(
  docId: string,
  ydoc: Y.Doc | null,
  synced: boolean,
): { readonly conflicts: readonly CellConflictJson[]; readonly reload: () => void } {
  const [conflicts, setConflicts] = useState<readonly CellConflictJson[]>([]);
  const [asked, setAsked] = useState(0);
  const reload = useCallback(() => setAsked((n) => n + 1), []);

  useEffect(() => {
    if (!ydoc) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const again = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setAsked((n) => n + 1), CONFLICTS_DEBOUNCE_MS);
    };
    ydoc.on("update", again);
    return () => {
      ydoc.off("update", again);
      if (timer) clearTimeout(timer);
    };
  }, [ydoc]);

  useEffect(() => {
    void asked;
    if (!synced) return;
    const abort = new AbortController();
    fetchConflicts(docId, abort.signal)
      .then((list) => setConflicts((current) => (JSON.stringify(current) === JSON.stringify(list) ? current : list)))
      .catch(() => {
        // Offline: the marks stay as they were.
      });
    return () => abort.abort();
  }, [docId, synced, asked]);

  return { conflicts, reload };
}
