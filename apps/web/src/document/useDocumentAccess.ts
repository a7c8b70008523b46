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
 * How often an open document's summary is asked again while the page is
 * visible: a step of the agreement taken by someone else changes no socket of
 * a reader (nor of anyone between agreed and approved), so its status comes this way.
 */
export const SUMMARY_REFRESH_MS = 5_000;

/**
 * The document's title, organisation and the user's access to it: at once
 * from the last list seen on this device (works offline), then from
 * GET /api/documents/:id, asked again whenever `generation` changes (a new
 * socket: after 4409 "your rights changed", or after being offline), on
 * window focus and every SUMMARY_REFRESH_MS while the page is visible.
 */
export function useDocumentAccess(docId: string, generation: number): DocumentAccessState {
  const [state, setState] = useState<DocumentAccessState>(() => ({
    status: "loading",
    summary: recallDocuments().find((d) => d.id === docId) ?? null,
  }));
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const again = () => {
      if (document.visibilityState === "visible" && navigator.onLine) setTick((n) => n + 1);
    };
    const timer = setInterval(again, SUMMARY_REFRESH_MS);
    window.addEventListener("focus", again);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", again);
    };
  }, []);
  useEffect(() => {
    void generation;
    void tick;
    const abort = new AbortController();
    fetchDocument(docId, abort.signal)
      .then((summary) => {
        rememberDocument(summary);
        // The same answer again keeps the page as it is (no re-render for a poll that found nothing new).
        setState((current) =>
          current.status === "ready" && JSON.stringify(current.summary) === JSON.stringify(summary)
            ? current
            : { status: "ready", summary },
        );
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
  }, [docId, generation, tick]);
  return state;
}
