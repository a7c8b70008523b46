import type { DocumentSummary } from "@karta/schema";
import { useEffect, useState } from "react";
import { recallDocuments, rememberDocument } from "../api/documentCache.ts";
import { fetchDocument } from "../api/documentsApi.ts";
import { ApiRequestError } from "../api/http.ts";

export type DocumentAccessState =
  /** Asking the server; a summary remembered on this device may already be there. */
  | { readonly status: "loading"; readonly summary: DocumentSummary | null }
  | { readonly status: "ready"; readonly summary: DocumentSummary }
  /** The server could not be asked: the remembered summary, if any, stands. */
  | { readonly status: "unreachable"; readonly summary: DocumentSummary | null }
  /** Not this user's to see (or there is no such document): the server's sentence. */
  | { readonly status: "notFound"; readonly message: string };

/**
 * The document's title, organisation and the user's access to it: at once
 * from the last list seen on this device (works offline), then from
 * GET /api/documents/:id, asked again whenever `generation` changes (a new
 * socket: after 4409 "your rights changed", or after being offline).
 */
export function useDocumentAccess(docId: string, generation: number): DocumentAccessState {
  const [state, setState] = useState<DocumentAccessState>(() => ({
    status: "loading",
    summary: recallDocuments().find((d) => d.id === docId) ?? null,
  }));
  useEffect(() => {
    void generation;
    const abort = new AbortController();
    fetchDocument(docId, abort.signal)
      .then((summary) => {
        rememberDocument(summary);
        setState({ status: "ready", summary });
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof ApiRequestError && (error.status === 404 || error.status === 403)) {
          setState({ status: "notFound", message: error.message });
        } else if (!(error instanceof ApiRequestError && error.status === 401)) {
          setState((current) => ({
            status: "unreachable",
            summary: current.status === "notFound" ? null : current.summary,
          }));
        }
      });
    return () => abort.abort();
  }, [docId, generation]);
  return state;
}
