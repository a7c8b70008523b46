import { KartaDocument, readMeta } from "@karta/doc";
import { CloseCode, getTemplate } from "@karta/schema";
import { IndexeddbPersistence } from "y-indexeddb";
import { readAuthMessage } from "y-protocols/auth";
import { Awareness } from "y-protocols/awareness";
import { messageAuth, WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { shouldReconnect } from "./closeOutcome.ts";
import { createLocalOrigin, type LocalOrigin } from "./localOrigin.ts";
import { type ConnectionFacts, type SyncState, syncStateOf } from "./syncState.ts";

/** What the page renders from: replaced as a whole whenever something changes. */
export interface ConnectionSnapshot {
  /** The typed document, once its template stamp has arrived (from IndexedDB or the server). */
  readonly document: KartaDocument | null;
  readonly sync: SyncState;
  /** Set when the server closed the socket for good (unknown document, no access, session ended). */
  readonly closed: SocketClose | null;
  /** The server's last close of a socket that is being reopened (4500, 4409, 1001); cleared once synced again. */
  readonly lastClose: SocketClose | null;
  /**
   * Counts the sockets opened after the first: each may carry other rights
   * (a 4409 "your rights changed", or a change while offline), so the page
   * asks for its access again.
   */
  readonly reconnects: number;
  /** Counts changes the server refused to apply ("permission denied"): the page says so. */
  readonly refusals: number;
  /** The document names a template this build does not know (a newer server). */
  readonly unknownTemplate: boolean;
  /** This device's copy in IndexedDB has been read (it may have been empty). */
  readonly localLoaded: boolean;
}

export interface SocketClose {
  readonly code: number;
  readonly reason: string;
}

/** The sync socket's base URL on the host that served the page. */
export function syncServerUrl(location: Location = window.location): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/sync`;
}

/**
 * One open document: the Y.Doc, its offline copy in IndexedDB, the websocket
 * to the server and the awareness of who is here. The grid and the rest of the
 * UI get the typed document and the awareness; only this class touches the
 * network, and `destroy` undoes everything it set up.
 */
export class DocumentConnection {
  readonly ydoc = new Y.Doc();
  readonly awareness = new Awareness(this.ydoc);
  readonly origin: LocalOrigin;
  private readonly persistence: IndexeddbPersistence;
  private readonly provider: WebsocketProvider;
  private readonly listeners = new Set<() => void>();
  private facts: ConnectionFacts;
  private connectedOnce = false;
  private snapshot: ConnectionSnapshot;

  constructor(readonly docId: string) {
    this.origin = createLocalOrigin(docId);
    this.facts = { connected: false, synced: false, failedSinceConnected: false, browserOnline: navigator.onLine };
    this.snapshot = {
      document: null,
      sync: syncStateOf(this.facts),
      closed: null,
      lastClose: null,
      reconnects: 0,
      refusals: 0,
      unknownTemplate: false,
      localLoaded: false,
    };
    this.persistence = new IndexeddbPersistence(docId, this.ydoc);
    this.persistence.once("synced", () => this.update({ localLoaded: true }));
    this.provider = new WebsocketProvider(syncServerUrl(), docId, this.ydoc, {
      awareness: this.awareness,
      // Without network an attempt can only fail; `online` below connects.
      connect: navigator.onLine,
      shouldReconnect,
    });
    // y-websocket only logs the server's "permission denied" to the console; the page says it in Russian.
    this.provider.messageHandlers[messageAuth] = (_encoder, decoder) =>
      readAuthMessage(decoder, this.ydoc, () => this.update({ refusals: this.snapshot.refusals + 1 }));
    this.provider.on("status", this.onStatus);
    this.provider.on("sync", this.onSync);
    this.provider.on("connection-close", this.onConnectionClose);
    this.provider.on("closed", this.onClosed);
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
    this.ydoc.on("update", this.tryOpen);
    this.tryOpen();
  }

  getSnapshot = (): ConnectionSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("offline", this.onOffline);
    this.ydoc.off("update", this.tryOpen);
    this.provider.destroy();
    this.awareness.destroy();
    void this.persistence.destroy();
    this.ydoc.destroy();
    this.listeners.clear();
  }

  private tryOpen = (): void => {
    if (this.snapshot.document) return;
    const document = KartaDocument.open(this.ydoc, { origin: this.origin });
    if (!document) {
      const meta = readMeta(this.ydoc);
      if (meta && !getTemplate(meta.templateId) && !this.snapshot.unknownTemplate)
        this.update({ unknownTemplate: true });
      return;
    }
    this.ydoc.off("update", this.tryOpen);
    this.update({ document });
  };

  private onStatus = ({ status }: { status: "connected" | "disconnected" | "connecting" }): void => {
    const connected = status === "connected";
    if (connected) {
      if (this.connectedOnce) this.update({ reconnects: this.snapshot.reconnects + 1 });
      this.connectedOnce = true;
    }
    this.setFacts({
      connected,
      synced: connected ? this.provider.synced : false,
      failedSinceConnected: connected ? false : this.facts.failedSinceConnected,
    });
  };

  private onSync = (synced: boolean): void => {
    if (synced && this.snapshot.lastClose) this.update({ lastClose: null });
    this.setFacts({ synced });
  };

  private onConnectionClose = (event: CloseEvent | null): void => {
    // Codes of our own (4xxx) and the server's shutdown say why; a dropped network says nothing.
    if (event && (event.code >= 4000 || event.code === CloseCode.ServerShutdown)) {
      this.update({ lastClose: { code: event.code, reason: event.reason } });
    }
    this.setFacts({ connected: false, synced: false, failedSinceConnected: true });
  };

  private onClosed = (event: { code: number; reason: string }): void => this.update({ closed: event });

  /**
   * The device lost its network: an open socket may linger for many seconds
   * before the browser notices, so close it now and say "offline" at once.
   */
  private onOffline = (): void => {
    this.setFacts({ browserOnline: false });
    this.provider.disconnect();
  };

  private onOnline = (): void => {
    this.setFacts({ browserOnline: true });
    if (!this.snapshot.closed) this.provider.connect();
  };

  private setFacts(change: Partial<ConnectionFacts>): void {
    this.facts = { ...this.facts, ...change };
    const sync = syncStateOf(this.facts);
    if (sync !== this.snapshot.sync) this.update({ sync });
  }

  private update(change: Partial<ConnectionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
