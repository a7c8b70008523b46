import { CommentsModel, type ThreadView } from "@karta/doc";
import { commentsDocumentId } from "@karta/schema";
import { IndexeddbPersistence } from "y-indexeddb";
import { readAuthMessage } from "y-protocols/auth";
import { messageAuth, WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { shouldReconnect } from "../document/closeOutcome.ts";
import { syncServerUrl } from "../document/earlySocket.ts";

/** What the discussion UI renders from: replaced as a whole whenever something changes. */
export interface CommentsSnapshot {
  /** Every thread, oldest first (the model's immutable views). */
  readonly threads: readonly ThreadView[];
  /** The socket is open and has the server's comments. */
  readonly online: boolean;
  /** No network, or the socket closed (not merely still connecting): comments wait on this device. */
  readonly offline: boolean;
  /** This device's copy has been read from IndexedDB (threads written offline are in it). */
  readonly localLoaded: boolean;
  /** Counts comments the server refused ("permission denied"): the page says so. */
  readonly refusals: number;
  /** The server closed the room for good (no access, session ended). */
  readonly closed: boolean;
}

/** Transaction origin of this page's comment writes. */
export interface CommentsOrigin {
  readonly kind: "karta-comments";
  readonly docId: string;
}

/**
 * The comments companion of an open document (`<docId>:comments`): its own
 * Y.Doc, kept in IndexedDB (a comment written offline stays on the device and
 * goes to the server when the connection returns) and synced through the same
 * endpoint as the content. The typed `model` writes; the snapshot is for
 * React (useSyncExternalStore). `destroy` undoes everything.
 */
export class CommentsConnection {
  readonly ydoc = new Y.Doc();
  readonly origin: CommentsOrigin;
  readonly model: CommentsModel;
  readonly roomName: string;
  private readonly persistence: IndexeddbPersistence;
  private readonly provider: WebsocketProvider;
  private readonly listeners = new Set<() => void>();
  private snapshot: CommentsSnapshot;
  private readonly stopObserving: () => void;

  constructor(readonly docId: string) {
    this.origin = { kind: "karta-comments", docId };
    this.roomName = commentsDocumentId(docId);
    this.model = new CommentsModel(this.ydoc, { origin: this.origin });
    this.snapshot = {
      threads: this.model.threads(),
      online: false,
      offline: !navigator.onLine,
      localLoaded: false,
      refusals: 0,
      closed: false,
    };
    this.stopObserving = this.model.observe((threads) => this.update({ threads }));
    this.persistence = new IndexeddbPersistence(this.roomName, this.ydoc);
    this.persistence.once("synced", () => this.update({ localLoaded: true }));
    this.provider = new WebsocketProvider(syncServerUrl(), this.roomName, this.ydoc, {
      connect: navigator.onLine,
      shouldReconnect,
    });
    // Nobody's presence lives in the comments room: the content room has it.
    this.provider.awareness.setLocalState(null);
    this.provider.messageHandlers[messageAuth] = (_encoder, decoder) =>
      readAuthMessage(decoder, this.ydoc, () => this.update({ refusals: this.snapshot.refusals + 1 }));
    this.provider.on("sync", this.onSync);
    this.provider.on("status", this.onStatus);
    this.provider.on("closed", this.onClosed);
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
  }

  getSnapshot = (): CommentsSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("offline", this.onOffline);
    this.stopObserving();
    this.provider.destroy();
    void this.persistence.destroy();
    this.ydoc.destroy();
    this.listeners.clear();
  }

  private onSync = (synced: boolean): void => this.update({ online: synced && this.provider.wsconnected });

  private onStatus = ({ status }: { status: string }): void => {
    if (status === "connected") this.update({ offline: false });
    // While reconnecting ("connecting") it stays as it was: no flicker between attempts.
    else
      this.update({ online: false, offline: status === "disconnected" || this.snapshot.offline || !navigator.onLine });
  };

  private onClosed = (): void => this.update({ closed: true, online: false });

  /** As for the content: a socket may linger after the network is gone, so close it at once. */
  private onOffline = (): void => {
    this.provider.disconnect();
    this.update({ online: false, offline: true });
  };

  private onOnline = (): void => {
    if (!this.snapshot.closed) this.provider.connect();
  };

  private update(change: Partial<CommentsSnapshot>): void {
    const next = { ...this.snapshot, ...change };
    if ((Object.keys(change) as (keyof CommentsSnapshot)[]).every((k) => next[k] === this.snapshot[k])) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
