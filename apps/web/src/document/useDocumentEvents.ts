import { useEffect, useState, useSyncExternalStore } from "react";
import { DocumentEventStream, type DocumentEventsState, documentEventsUrl } from "./documentEventStream.ts";

/**
 * The document's events stream for the page (one for all its hooks), open
 * while the page is visible. When `generation` changes (a new socket: after
 * 4409 "your rights changed", or after being offline), a stream the server
 * had refused is opened again.
 */
export function useDocumentEvents(docId: string, generation: number): DocumentEventStream | null {
  const [stream, setStream] = useState<DocumentEventStream | null>(null);
  useEffect(() => {
    const created = new DocumentEventStream(documentEventsUrl(docId));
    const follow = () => {
      if (document.visibilityState === "visible") created.resume();
      else created.pause();
    };
    follow();
    document.addEventListener("visibilitychange", follow);
    setStream(created);
    return () => {
      document.removeEventListener("visibilitychange", follow);
      created.dispose();
      setStream(null);
    };
  }, [docId]);
  useEffect(() => {
    void generation;
    stream?.revive();
  }, [stream, generation]);
  return stream;
}

const noStream = () => () => {};

/** The stream's state, re-rendering when it changes; `paused` without a stream. */
export function useDocumentEventsState(stream: DocumentEventStream | null): DocumentEventsState {
  return useSyncExternalStore(stream?.subscribe ?? noStream, () => stream?.state ?? "paused");
}
