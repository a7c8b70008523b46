import type { DocumentSummary } from "@karta/schema";
import { useEffect, useRef, useState } from "react";
import { recallDocuments, rememberDocument } from "../api/documentCache.ts";
import { fetchDocument } from "../api/documentsApi.ts";
import { ApiRequestError } from "../api/http.ts";
import { type DocumentEventStream, parsePushedSummary } from "./documentEventStream.ts";
import { useDocumentEventsState } from "./useDocumentEvents.ts";

export type DocumentAccessState =
  /** Asking the server; a summary remembered on this device may already be there. */
  | { readonly status: "loading"; readonly summary: DocumentSummary | null }
  | { readonly status: "ready"; readonly summary: DocumentSummary }
  /** The server could not be asked: the remembered summary, if any, stands. */
  | { readonly status: "unreachable"; readonly summary: DocumentSummary | null }
  /** Not this user's to see (or there is no such document): the server's sentence. */
  | { readonly status: "notFound"; readonly message: string };

/**
 * While the document's events stream is not open (it broke and the browser is
 * reconnecting, or the server refused it), the summary is asked this often
 * instead, as long as the page is visible.
 */
export const SUMMARY_FALLBACK_MS = 30_000;

/**
 * The document's title, organisation, the user's access to it and where it
 * stands in the agreement: at once from the last list seen on this device
 * (works offline), then from GET /api/documents/:id, asked again whenever
 * `generation` changes (a new socket: after 4409 "your rights changed", or
 * after being offline) and on window focus; in between, each summary the
 * server pushes on the document's events stream (a step of the agreement
 * taken by someone else changes no socket of a reader). Without the stream,
 * every SUMMARY_FALLBACK_MS while the page is visible, and once at once when
 * the server refused the stream (the document may no longer be theirs).
 */
export function useDocumentAccess(
  docId: string,
  generation: number,
  events: DocumentEventStream | null,
): DocumentAccessState {
  const [state, setState] = useState<DocumentAccessState>(() => ({
    status: "loading",
    summary: recallDocuments().find((d) => d.id === docId) ?? null,
  }));
  const [tick, setTick] = useState(0);
  /** Counts pushed summaries: an answer to a request sent before the last of them is older than it. */
  const pushed = useRef(0);
  const streamState = useDocumentEventsState(events);
  const live = streamState === "open";

  useEffect(() => {
    if (!events) return;
    return events.on("summary", (data) => {
      const summary = parsePushedSummary(data);
      if (summary?.id !== docId) return;
      pushed.current++;
      accept(setState, summary);
    });
  }, [events, docId]);

  useEffect(() => {
    const again = () => {
      if (document.visibilityState === "visible" && navigator.onLine) setTick((n) => n + 1);
    };
    const timer = live ? null : setInterval(again, SUMMARY_FALLBACK_MS);
    window.addEventListener("focus", again);
    return () => {
      if (timer) clearInterval(timer);
      window.removeEventListener("focus", again);
    };
  }, [live]);

  useEffect(() => {
    if (streamState === "failed") setTick((n) => n + 1);
  }, [streamState]);

  useEffect(() => {
    void generation;
    void tick;
    const abort = new AbortController();
    const pushedBefore = pushed.current;
    fetchDocument(docId, abort.signal)
      .then((summary) => {
        if (pushed.current !== pushedBefore) return;
        accept(setState, summary);
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

/** Remembers the summary on this device and shows it; the same answer again keeps the page as it is. */
function accept(
  setState: (update: (current: DocumentAccessState) => DocumentAccessState) => void,
  summary: DocumentSummary,
) {
  rememberDocument(summary);
  setState((current) =>
    current.status === "ready" && JSON.stringify(current.summary) === JSON.stringify(summary)
      ? current
      : { status: "ready", summary },
  );
}
