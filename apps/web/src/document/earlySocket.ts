import { matchRoute } from "../router/routes.ts";
import { ASK_FOR_EVERYTHING, type FromWorker, type ToWorker } from "./earlySocketProtocol.ts";

/**
 * The sync socket of a document opened on a first visit, started by the
 * page's tiny entry module before the app's code has even downloaded, and
 * handed to y-websocket when the page connects (DocumentConnection).
 *
 * Why: on a first visit the page needs the whole document, and the server
 * takes about as long to encode and send it (6 MB for a 10,000-row roadmap)
 * as the browser takes to load the app. Asked for at once, the document
 * arrives while the app loads instead of after. Only when this device has no
 * copy of the document (no IndexedDB database of that name): with a copy, the
 * page asks for what the copy lacks, which only the copy can say.
 *
 * The socket lives in a worker (earlySocketWorker.ts), which reads the 6 MB
 * off the page's main thread while that thread loads the app. This module
 * imports nothing but the routes and that protocol: it is in the entry chunk.
 */

export { ASK_FOR_EVERYTHING };

/** The query y-websocket adds for the saved receipts (SAVED_QUERY_PARAMETER: a test keeps them equal). */
const SAVED_QUERY = "saved=1";
/** A socket nobody claimed by then (the page went elsewhere: login, no access) is closed. */
export const UNCLAIMED_CLOSE_MS = 15_000;

/** The sync socket's base URL on the host that served the page. */
export function syncServerUrl(location: Pick<Location, "protocol" | "host"> = window.location): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/sync`;
}

/** The URL y-websocket opens for a document (its room is the document id). */
export function documentSocketUrl(location: Pick<Location, "protocol" | "host">, docId: string): string {
  return `${syncServerUrl(location)}/${docId}?${SAVED_QUERY}`;
}

type SocketEventType = "open" | "message" | "error" | "close";
type Handler = ((event: Event) => void) | null;

/** The part of a Worker the early socket uses. */
export interface SocketWorker {
  postMessage(message: ToWorker): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
}

export interface EarlySocketEnvironment {
  readonly location: Pick<Location, "protocol" | "host" | "pathname">;
  readonly online: boolean;
  /** `indexedDB.databases()`, or undefined where the browser has none. */
  readonly databases: (() => Promise<readonly { readonly name?: string }[]>) | undefined;
  /** Starts the worker that owns the socket (earlySocketWorker.ts). */
  readonly startWorker: () => SocketWorker;
}

/** The one socket started early, until it is claimed or given up. */
let early: EarlySocket | null = null;
/** URLs a connection already asked for: a socket started for them after that would never be claimed. */
const asked = new Set<string>();

/** Starts the early socket if the page is a document this device has no copy of. */
export function openEarlySocket(env: EarlySocketEnvironment = browserEnvironment()): void {
  const route = matchRoute(env.location.pathname);
  if (route.page !== "document" || !env.online || !env.databases) return;
  const url = documentSocketUrl(env.location, route.docId);
  env.databases().then(
    (databases) => {
      if (asked.has(url) || databases.some((d) => d.name === route.docId)) return;
      early?.giveUp();
      try {
        early = new EarlySocket(url, env.startWorker());
      } catch {
        // No worker (a browser without module workers): the page connects as it always did.
      }
    },
    () => {}, // no list: the page connects as it always did
  );
}

/**
 * The early socket for `url`, as a WebSocket for y-websocket, or null (none
 * was started, or it closed): then the caller opens one of its own.
 * `onSend` is told of every message sent through it.
 */
export function claimEarlySocket(url: string, onSend?: (socket: WebSocket, data: unknown) => void): WebSocket | null {
  asked.add(url);
  const socket = early;
  if (!socket || socket.url !== url || !socket.usable()) return null;
  early = null;
  return socket.handOver(onSend);
}

function browserEnvironment(): EarlySocketEnvironment {
  const idb = typeof indexedDB === "undefined" ? undefined : indexedDB;
  return {
    location: window.location,
    online: navigator.onLine,
    databases:
      idb && typeof idb.databases === "function" && typeof Worker === "function" ? () => idb.databases() : undefined,
    startWorker: () => new Worker(new URL("./earlySocketWorker.ts", import.meta.url), { type: "module" }),
  };
}

/** The socket as the page sees it: its state and what happened on it, as the worker tells. */
class EarlySocket {
  readyState: number = WebSocket_CONNECTING;
  /** What happened on the socket before y-websocket took it, in order. */
  private readonly queued: { type: SocketEventType; event: Event }[] = [];
  /** Set when claimed; the queue is passed on to it a microtask later (flushed). */
  private target: HandedOverSocket | null = null;
  private flushed = false;
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(
    readonly url: string,
    private readonly worker: SocketWorker,
  ) {
    worker.onmessage = (event) => this.receive(event.data);
    worker.postMessage({ kind: "open", url });
    this.timer = setTimeout(() => this.giveUp(), UNCLAIMED_CLOSE_MS);
  }

  usable(): boolean {
    return this.readyState === WebSocket_CONNECTING || this.readyState === WebSocket_OPEN;
  }

  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    this.worker.postMessage({ kind: "send", data });
  }

  close(code?: number, reason?: string): void {
    if (this.readyState === WebSocket_CLOSED) return;
    this.readyState = WebSocket_CLOSING;
    this.worker.postMessage({ kind: "close", code, reason });
  }

  giveUp(): void {
    clearTimeout(this.timer);
    if (early === this) early = null;
    if (this.target) return;
    this.queued.length = 0;
    this.close();
  }

  /**
   * y-websocket sets its handlers right after making the socket: what came
   * before is passed on to them in the next microtask, in order, and then
   * everything as it comes.
   */
  handOver(onSend?: (socket: WebSocket, data: unknown) => void): WebSocket {
    clearTimeout(this.timer);
    const target = new HandedOverSocket(this, onSend);
    this.target = target;
    queueMicrotask(() => {
      for (const { type, event } of this.queued.splice(0)) target.dispatch(type, event);
      this.flushed = true;
    });
    return target as unknown as WebSocket;
  }

  private receive(message: FromWorker): void {
    let event: Event;
    if (message.kind === "open") {
      this.readyState = WebSocket_OPEN;
      event = new Event("open");
    } else if (message.kind === "message") {
      event = new MessageEvent("message", { data: message.data });
    } else if (message.kind === "close") {
      this.readyState = WebSocket_CLOSED;
      // What y-websocket and the page read of a CloseEvent (which workers and Node do not all have).
      event = Object.assign(new Event("close"), {
        code: message.code,
        reason: message.reason,
        wasClean: message.wasClean,
      });
    } else event = new Event("error");
    if (this.target && this.flushed) this.target.dispatch(message.kind, event);
    // Closed before the page claimed it (no session, no access): the page opens a socket of its own.
    else if (!this.target && message.kind === "close") this.giveUp();
    else this.queued.push({ type: message.kind, event });
  }
}

/** WebSocket's ready states (the worker's socket's, as last told). */
const WebSocket_CONNECTING = 0;
const WebSocket_OPEN = 1;
const WebSocket_CLOSING = 2;
const WebSocket_CLOSED = 3;

/** The early socket as y-websocket sees it: the handler properties, send, close, readyState. */
class HandedOverSocket {
  readonly CONNECTING = WebSocket_CONNECTING;
  readonly OPEN = WebSocket_OPEN;
  readonly CLOSING = WebSocket_CLOSING;
  readonly CLOSED = WebSocket_CLOSED;
  binaryType: BinaryType = "arraybuffer";
  onopen: Handler = null;
  onmessage: Handler = null;
  onerror: Handler = null;
  onclose: Handler = null;
  /** The first message y-websocket sends is its own sync step 1. */
  private first = true;

  constructor(
    private readonly socket: EarlySocket,
    private readonly onSend?: (socket: WebSocket, data: unknown) => void,
  ) {}

  get readyState(): number {
    return this.socket.readyState;
  }

  get url(): string {
    return this.socket.url;
  }

  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    const first = this.first;
    this.first = false;
    // The server has been asked exactly this already; asked again, it would send the whole document twice.
    if (first && data instanceof Uint8Array && sameBytes(data, ASK_FOR_EVERYTHING)) return;
    this.socket.send(data);
    this.onSend?.(this as unknown as WebSocket, data);
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }

  dispatch(type: SocketEventType, event: Event): void {
    const handler = { open: this.onopen, message: this.onmessage, error: this.onerror, close: this.onclose }[type];
    handler?.(event);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}
