import { matchRoute } from "../router/routes.ts";

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
 * This module imports nothing but the routes: it is part of the entry chunk.
 */

/** y-websocket's sync step 1 with an empty state vector: "send me everything you have". */
export const ASK_FOR_EVERYTHING: Uint8Array = new Uint8Array([0, 0, 1, 0]);
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

export interface EarlySocketEnvironment {
  readonly location: Pick<Location, "protocol" | "host" | "pathname">;
  readonly online: boolean;
  /** `indexedDB.databases()`, or undefined where the browser has none. */
  readonly databases: (() => Promise<readonly { readonly name?: string }[]>) | undefined;
  readonly WebSocket: new (url: string) => WebSocket;
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
      early = new EarlySocket(url, env.WebSocket);
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
    databases: idb && typeof idb.databases === "function" ? () => idb.databases() : undefined,
    WebSocket,
  };
}

class EarlySocket {
  private readonly socket: WebSocket;
  /** What happened on the socket before y-websocket took it, in order. */
  private readonly queued: { type: SocketEventType; event: Event }[] = [];
  private target: HandedOverSocket | null = null;
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(
    readonly url: string,
    WebSocketClass: new (url: string) => WebSocket,
  ) {
    this.socket = new WebSocketClass(url);
    this.socket.binaryType = "arraybuffer";
    this.socket.addEventListener("open", (event) => {
      this.socket.send(ASK_FOR_EVERYTHING);
      this.receive("open", event);
    });
    for (const type of ["message", "error", "close"] as const) {
      this.socket.addEventListener(type, (event) => this.receive(type, event));
    }
    this.timer = setTimeout(() => this.giveUp(), UNCLAIMED_CLOSE_MS);
  }

  usable(): boolean {
    return this.socket.readyState === this.socket.CONNECTING || this.socket.readyState === this.socket.OPEN;
  }

  giveUp(): void {
    clearTimeout(this.timer);
    if (early === this) early = null;
    if (this.target) return;
    this.queued.length = 0;
    this.socket.close();
  }

  /**
   * y-websocket sets its handlers right after making the socket: what came
   * before is passed on to them in the next microtask, in order, and then
   * everything as it comes.
   */
  handOver(onSend?: (socket: WebSocket, data: unknown) => void): WebSocket {
    clearTimeout(this.timer);
    const target = new HandedOverSocket(this.socket, onSend);
    queueMicrotask(() => {
      this.target = target;
      for (const { type, event } of this.queued.splice(0)) target.dispatch(type, event);
    });
    return target as unknown as WebSocket;
  }

  private receive(type: SocketEventType, event: Event): void {
    if (this.target) this.target.dispatch(type, event);
    else this.queued.push({ type, event });
  }
}

/** The early socket as y-websocket sees it: the handler properties, send, close, readyState. */
class HandedOverSocket {
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  binaryType: BinaryType = "arraybuffer";
  onopen: Handler = null;
  onmessage: Handler = null;
  onerror: Handler = null;
  onclose: Handler = null;
  /** The first message y-websocket sends is its own sync step 1. */
  private first = true;

  constructor(
    private readonly socket: WebSocket,
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
