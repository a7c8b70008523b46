import type { DocumentStatus } from "@karta/schema";
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { fetchChanges } from "../api/workflowApi.ts";
import { type AgreedChanges, agreedChangesOf, NO_CHANGES } from "./agreedChanges.ts";

/** How long the document stays still before its changes are asked again. */
const CHANGES_DEBOUNCE_MS = 800;

/**
 * What differs from the agreed version, once the document is agreed or
 * approved: GET …/changes?since=agreed at once, and again a moment after the
 * document last changed (the server compares its stored state, so a change
 * counts once it is stored). Nothing before agreement.
 */
export function useAgreedChanges(docId: string, status: DocumentStatus | null, ydoc: Y.Doc | null): AgreedChanges {
  const [changes, setChanges] = useState<AgreedChanges>(NO_CHANGES);
  const [asked, setAsked] = useState(0);
  const active = status === "agreed" || status === "approved";

  useEffect(() => {
    if (!active || !ydoc) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const again = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setAsked((n) => n + 1), CHANGES_DEBOUNCE_MS);
    };
    ydoc.on("update", again);
    return () => {
      ydoc.off("update", again);
      if (timer) clearTimeout(timer);
    };
  }, [active, ydoc]);

  useEffect(() => {
    void asked;
    if (!active) {
      setChanges(NO_CHANGES);
      return;
    }
    const abort = new AbortController();
    fetchChanges(docId, abort.signal)
      .then((response) => setChanges(agreedChangesOf(response)))
      .catch(() => {
        // Offline or no agreement yet (409): the marks stay as they were.
      });
    return () => abort.abort();
  }, [docId, active, asked]);

  return changes;
}
