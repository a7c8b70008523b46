import { useEffect, useState, useSyncExternalStore } from "react";
import { type ConnectionSnapshot, DocumentConnection } from "./documentConnection.ts";

/**
 * Opens a document for as long as the calling component shows it: creates the
 * Y.Doc, IndexedDB copy, websocket and awareness, and tears them down on
 * unmount or when `docId` changes.
 */
export function useDocumentConnection(docId: string): DocumentConnection | null {
  const [connection, setConnection] = useState<DocumentConnection | null>(null);
  useEffect(() => {
    const opened = new DocumentConnection(docId);
    setConnection(opened);
    return () => {
      opened.destroy();
      setConnection(null);
    };
  }, [docId]);
  return connection;
}

const IDLE: ConnectionSnapshot = {
  document: null,
  sync: "connecting",
  closed: null,
  lastClose: null,
  reconnects: 0,
  refusals: 0,
  refusalReason: null,
  unknownTemplate: false,
  localLoaded: false,
};
const noop = () => () => {};

/** The connection's current state; re-renders when it changes. */
export function useConnectionSnapshot(connection: DocumentConnection | null): ConnectionSnapshot {
  return useSyncExternalStore(connection?.subscribe ?? noop, connection?.getSnapshot ?? (() => IDLE));
}
