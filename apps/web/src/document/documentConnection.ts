import { KartaDocument, readMeta } from "@karta/doc";
import { CloseCode, getTemplate, SAVED_MESSAGE_TYPE, SAVED_QUERY_PARAMETER } from "@karta/schema";
import { IndexeddbPersistence } from "y-indexeddb";
import { readAuthMessage } from "y-protocols/auth";
import { Awareness } from "y-protocols/awareness";
import { messageAuth, messageSync, WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { shouldReconnect } from "./closeOutcome.ts";
import { claimEarlySocket, syncServerUrl } from "./earlySocket.ts";
import { createLocalOrigin, type LocalOrigin } from "./localOrigin.ts";
import { SavedTracker } from "./savedTracker.ts";
import { ServerUpdateBytes } from "./serverUpdateBytes.ts";
import { type ConnectionFacts, SAVING_SHOWN_AFTER_MS, type SyncState, syncStateOf } from "./syncState.ts";

/**
 * How long the first connection waits for IndexedDB to load this device's
 * copy (it loads a 10,000-row roadmap in well under a second); past this the
 * page connects without it rather than wait on a broken IndexedDB.
 */
const LOCAL_COPY_WAIT_MS = 3_000;

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
  /** The server's reason for the last refusal ("on-agreement": the document is на согласовании). */
  readonly refusalReason: string | null;
  /** The document names a template this build does not know (a newer server). */
  readonly unknownTemplate: boolean;
  /** This device's copy in IndexedDB has been read (it may have been empty). */
  readonly localLoaded: boolean;
}

export interface SocketClose {
  readonly code: number;
  readonly reason: string;
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
  /** The server's update bytes for the `update` listeners, instead of Yjs encoding them again. */
  private readonly serverBytes: ServerUpdateBytes;
  private readonly listeners = new Set<() => void>();
  private facts: ConnectionFacts;
  private connectedOnce = false;
  private snapshot: ConnectionSnapshot;
  /** What the current socket learned of the server's receipts; replaced for each socket. */
  private saved = new SavedTracker();
  /** Runs out when a change has waited SAVING_SHOWN_AFTER_MS for its receipt. */
  private slowTimer: ReturnType<typeof setTimeout> | null = null;
  /** Connects if IndexedDB has not loaded this device's copy within LOCAL_COPY_WAIT_MS. */
  private localCopyTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly docId: string) {
    this.origin = createLocalOrigin(docId);
    this.facts = {
      connected: false,
      synced: false,
      failedSinceConnected: false,
      browserOnline: navigator.onLine,
      acknowledged: false,
      slow: false,
      refused: false,
    };
    this.snapshot = {
      document: null,
      sync: syncStateOf(this.facts),
      closed: null,
      lastClose: null,
      reconnects: 0,
      refusals: 0,
      refusalReason: null,
      unknownTemplate: false,
      localLoaded: false,
    };
    this.persistence = new IndexeddbPersistence(docId, this.ydoc);
    this.persistence.once("synced", () => {
      this.update({ localLoaded: true });
      this.connectFirst();
    });
    // IndexedDB may be unavailable (it then never says synced) or slow: connect anyway after a while.
    this.localCopyTimer = setTimeout(() => this.connectFirst(), LOCAL_COPY_WAIT_MS);
    this.provider = new WebsocketProvider(syncServerUrl(), docId, this.ydoc, {
      awareness: this.awareness,
      // Connected once this device's copy is loaded (connectFirst).
      connect: false,
      shouldReconnect,
      // Ask the server to say when our changes are stored (SAVED_MESSAGE_TYPE).
      params: { [SAVED_QUERY_PARAMETER]: "1" },
      WebSocketPolyfill: countingWebSocket((socket, data) => this.onSocketSend(socket, data)),
    });
    // y-websocket only logs the server's "permission denied" to the console; the page says it in Russian.
    this.provider.messageHandlers[messageAuth] = (_encoder, decoder) =>
      readAuthMessage(decoder, this.ydoc, (_ydoc, reason) => {
        this.saved.noteRefused();
        this.refreshSaved();
        this.update({ refusals: this.snapshot.refusals + 1, refusalReason: reason });
      });
    // Everything the server sends in sync is stored already: the tracker notes what y-websocket applies.
    // Messages relayed by another tab (BroadcastChannel) come with emitSynced false and prove nothing.
    const handleSync = this.provider.messageHandlers[messageSync];
    if (!handleSync) throw new Error("y-websocket has no sync message handler");
    this.serverBytes = new ServerUpdateBytes(this.ydoc, () => this.provider);
    this.provider.messageHandlers[messageSync] = (encoder, decoder, provider, emitSynced, messageType) => {
      const apply = () => handleSync(encoder, decoder, provider, emitSynced, messageType);
      if (emitSynced) {
        this.serverBytes.applyFromServer(decoder, () => this.saved.receiveFromServer(decoder, this.ydoc, apply));
      } else apply();
    };
    this.provider.messageHandlers[SAVED_MESSAGE_TYPE] = (_encoder, decoder, _provider, emitSynced) => {
      if (!emitSynced) return;
      this.saved.noteSaved(decoder);
      this.refreshSaved();
    };
    this.provider.on("status", this.onStatus);
    this.provider.on("sync", this.onSync);
    this.provider.on("connection-close", this.onConnectionClose);
    this.provider.on("closed", this.onClosed);
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
    this.ydoc.on("update", this.tryOpen);
    this.ydoc.on("update", this.refreshSaved);
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
    this.ydoc.off("update", this.refreshSaved);
    if (this.slowTimer !== null) clearTimeout(this.slowTimer);
    if (this.localCopyTimer !== null) clearTimeout(this.localCopyTimer);
    this.serverBytes.destroy();
    this.provider.destroy();
    this.awareness.destroy();
    void this.persistence.destroy();
    this.ydoc.destroy();
    this.listeners.clear();
  }

  /**
   * The first connection waits for this device's copy in IndexedDB: the
   * socket's first sync then asks the server only for what the copy lacks.
   * Connected before, it asks for everything, and a return visit to a
   * 10,000-row roadmap receives and decodes all of it (6 MB) a second time.
   * Without network an attempt can only fail; `online` connects.
   */
  private connectFirst(): void {
    if (this.localCopyTimer !== null) clearTimeout(this.localCopyTimer);
    this.localCopyTimer = null;
    if (this.connectedOnce || this.snapshot.closed || !navigator.onLine) return;
    this.provider.connect();
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
      // Emitted when the socket opens, before anything is sent on it: its counts start here.
      this.saved = new SavedTracker();
    }
    this.setFacts({
      connected,
      synced: connected ? this.provider.synced : false,
      failedSinceConnected: connected ? false : this.facts.failedSinceConnected,
      acknowledged: false,
      refused: false,
    });
  };

  private onSync = (synced: boolean): void => {
    if (synced && this.snapshot.lastClose) this.update({ lastClose: null });
    this.setFacts({ synced });
    this.refreshSaved();
  };

  private onConnectionClose = (event: CloseEvent | null): void => {
    // Codes of our own (4xxx) and the server's shutdown say why; a dropped network says nothing.
    if (event && (event.code >= 4000 || event.code === CloseCode.ServerShutdown)) {
      this.update({ lastClose: { code: event.code, reason: event.reason } });
    }
    this.setFacts({ connected: false, synced: false, failedSinceConnected: true, acknowledged: false });
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

  /** A message y-websocket sends; only the current socket's count. */
  private onSocketSend(socket: WebSocket, data: unknown): void {
    if (socket !== this.provider.ws) return;
    this.saved.noteSent(data);
    this.refreshSaved();
  }

  /** Compares what the server acknowledged with the document now (after every change and receipt). */
  private refreshSaved = (): void => {
    const acknowledged =
      this.facts.connected && this.saved.isSaved(Y.decodeStateVector(Y.encodeStateVector(this.ydoc)));
    const refused = this.saved.refused;
    if (acknowledged !== this.facts.acknowledged || refused !== this.facts.refused) {
      this.setFacts({ acknowledged, refused });
    }
  };

  private setFacts(change: Partial<ConnectionFacts>): void {
    this.facts = { ...this.facts, ...change };
    this.watchSlowSave();
    const sync = syncStateOf(this.facts, this.snapshot.sync);
    if (sync !== this.snapshot.sync) this.update({ sync });
  }

  /**
   * A change waiting for its receipt on an open, synced socket starts a
   * timer; when it runs out the line says «Сохраняется…» (see syncStateOf).
   */
  private watchSlowSave(): void {
    const { connected, synced, acknowledged, refused } = this.facts;
    if (connected && synced && !acknowledged && !refused) {
      if (this.slowTimer === null && !this.facts.slow) {
        this.slowTimer = setTimeout(() => {
          this.slowTimer = null;
          this.setFacts({ slow: true });
        }, SAVING_SHOWN_AFTER_MS);
      }
      return;
    }
    if (this.slowTimer !== null) clearTimeout(this.slowTimer);
    this.slowTimer = null;
    if (this.facts.slow) this.facts = { ...this.facts, slow: false };
  }

  private update(change: Partial<ConnectionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}

/**
 * The browser's WebSocket, telling `onSend` of every message sent: the saved
 * receipts count the changes sent on a socket (y-websocket sends from inside,
 * this is its own hook for another WebSocket class). The first socket of a
 * first visit may be the one the entry module opened already (earlySocket.ts).
 */
function countingWebSocket(onSend: (socket: WebSocket, data: unknown) => void): typeof WebSocket {
  class CountingWebSocket extends WebSocket {
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      super.send(data);
      onSend(this, data);
    }
  }
  // y-websocket calls it with `new`: a function that returns an object gives that object.
  function socketFor(url: string | URL, protocols?: string | string[]): WebSocket {
    return claimEarlySocket(String(url), onSend) ?? new CountingWebSocket(url, protocols);
  }
  return socketFor as unknown as typeof WebSocket;
}
