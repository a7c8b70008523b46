import type { DocumentEvent } from "../documents/DocumentEvents.ts";
import type { AppendedUpdate } from "../sync/DocRoom.ts";

/**
 * How the instances of one Karta deployment tell each other what happened
 * (docs/architecture.md, "Scale-out"). The database is the only truth: a
 * message here is a hint that lets a room send an edit on without reading
 * the log, and one that is lost is read from the log (DocRoom.catchUp).
 * Without Redis there is no Fanout and a single instance is all there is.
 */
export interface Fanout {
  /**
   * Hears what other instances send about one room until the returned
   * function is called. `resync` is called when messages may have been
   * missed: once listening has started (the room was loaded before), and
   * after every reconnection.
   */
  joinRoom(docId: string, listener: RoomListener): () => void;
  /** An update this instance appended to a document's log. */
  publishAppended(docId: string, entry: AppendedUpdate): void;
  /** A presence update of a socket of this instance. */
  publishPresence(docId: string, update: Uint8Array): void;
  /** Someone's rights or sessions changed: every instance re-decides its open sockets. */
  publishAccess(change: AccessChange): void;
  /** Hears access changes published by other instances. */
  onAccess(listener: (change: AccessChange) => void): void;
  /** Something happened to a document that every instance's pages and dashboards should hear of. */
  publishDocumentEvent(docId: string, event: RelayedEvent): void;
  /** Hears the document events published by other instances. */
  onDocumentEvent(listener: (docId: string, event: RelayedEvent) => void): void;
  close(): Promise<void>;
}

export interface RoomListener {
  appended(entry: AppendedUpdate): void;
  presence(update: Uint8Array): void;
  resync(): void;
}

/** What LiveConnections re-decides: a session or token ended, an account's rights or a document's status changed. */
export type AccessChange =
  | { readonly kind: "credential"; readonly id: string }
  | { readonly kind: "account"; readonly id: string }
  | { readonly kind: "document"; readonly id: string };

/**
 * What instances relay about a document besides its content: the events of
 * its open pages (DocumentEvents), and `facts`: its monitoring facts were
 * computed anew and stored, so that another instance's dashboards read them.
 */
export type RelayedEvent = DocumentEvent | { readonly type: "facts" };
