import type { CellConflictJson } from "@karta/schema";
import { useCallback, useEffect, useState } from "react";
import type * as Y from "yjs";
import { fetchConflicts } from "../api/workflowApi.ts";
import type { DocumentEventStream } from "./documentEventStream.ts";
import { useDocumentEventsState } from "./useDocumentEvents.ts";

const CONFLICTS_DEBOUNCE_MS = 1_000;

/**
 * The document's open «конфликт правок»: asked once the document is synced,
 * when the server says on the document's events stream that one was recorded
 * or resolved (`conflicts`), whenever that stream (re)opens (it may have
 * missed some), and when `reload` is called after picking a value. While the
 * stream is not open, asked instead a moment after the document changes (a
 * colleague's offline edits arriving may make one).
 */
export function useConflicts(
  docId: string,
  ydoc: Y.Doc | null,
  synced: boolean,
  events: DocumentEventStream | null,
): { readonly conflicts: readonly CellConflictJson[]; readonly reload: () => void } {
  const [conflicts, setConflicts] = useState<readonly CellConflictJson[]>([]);
  const [asked, setAsked] = useState(0);
  const reload = useCallback(() => setAsked((n) => n + 1), []);
  const live = useDocumentEventsState(events) === "open";

  useEffect(() => {
    if (!events) return;
    return events.on("conflicts", reload);
  }, [events, reload]);

  useEffect(() => {
    if (live) reload();
  }, [live, reload]);

  useEffect(() => {
    if (!ydoc || live) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const again = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(reload, CONFLICTS_DEBOUNCE_MS);
    };
    ydoc.on("update", again);
    return () => {
      ydoc.off("update", again);
      if (timer) clearTimeout(timer);
    };
  }, [ydoc, live, reload]);

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
