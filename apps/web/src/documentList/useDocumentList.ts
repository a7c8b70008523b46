import type { DocumentSummary } from "@karta/schema";
import { useCallback, useEffect, useState } from "react";
import { recallDocuments, rememberDocuments } from "../api/documentCache.ts";
import { ApiRequestError, fetchDocuments } from "../api/documentsApi.ts";
import { messages } from "../messages.ts";

export type DocumentListState =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly documents: readonly DocumentSummary[] }
  | { readonly status: "error"; readonly message: string }
  /** The server cannot be reached: the last list seen on this device stands in for it. */
  | { readonly status: "remembered"; readonly message: string; readonly documents: readonly DocumentSummary[] };

/**
 * The server's list of documents, with a Russian sentence when it cannot be
 * had. Without a connection the list last seen here is shown instead, and the
 * list is asked again as soon as the browser is back online.
 */
export function useDocumentList(): { state: DocumentListState; reload: () => void } {
  const [state, setState] = useState<DocumentListState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    void attempt;
    const abort = new AbortController();
    setState({ status: "loading" });
    fetchDocuments(abort.signal)
      .then((documents) => {
        rememberDocuments(documents);
        setState({ status: "ready", documents });
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof ApiRequestError && error.kind === "server") {
          setState({ status: "error", message: error.message });
          return;
        }
        const remembered = recallDocuments();
        setState(
          remembered.length > 0
            ? { status: "remembered", message: messages.documents.remembered, documents: remembered }
            : { status: "error", message: messages.documents.serverUnreachable },
        );
      });
    return () => abort.abort();
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    window.addEventListener("online", reload);
    return () => window.removeEventListener("online", reload);
  }, [reload]);
  return { state, reload };
}
