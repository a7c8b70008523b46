import type { DocumentSummary } from "@karta/schema";
import { useCallback, useEffect, useState } from "react";
import { rememberDocuments } from "../api/documentCache.ts";
import { ApiRequestError, fetchDocuments } from "../api/documentsApi.ts";
import { messages } from "../messages.ts";

export type DocumentListState =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly documents: readonly DocumentSummary[] }
  | { readonly status: "error"; readonly message: string };

/** The server's list of documents, with a Russian sentence when it cannot be had. */
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
        const message =
          error instanceof ApiRequestError && error.kind === "server"
            ? error.message
            : messages.documents.serverUnreachable;
        setState({ status: "error", message });
      });
    return () => abort.abort();
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
