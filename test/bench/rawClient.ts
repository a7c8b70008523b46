/**
 * One simulated editor: a `ws` socket speaking the y-websocket protocol
 * directly, with no Y.Doc and no y-protocols Awareness of its own. It does on
 * the wire what y-websocket's WebsocketProvider does, so the server under test
 * cannot tell the difference: on open it sends sync step 1 and its presence,
 * answers the server's step 1 with a step 2, renews its presence every 15 s
 * (y-protocols renews a state older than half its 30 s timeout), and
 * reconnects with the provider's backoff after a drop. What it writes comes
 * from the document's RoomWriter; what it receives goes, undecoded, to the
 * caller (the load generator scans the bytes for cell values).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
/** The Karta server's "your updates are stored" (SAVED_MESSAGE_TYPE of @karta/schema), only with `?saved=1`. */
const MESSAGE_SAVED = 100;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** y-protocols' awareness timeout is 30 s; a client renews its state after half of it. */
const PRESENCE_RENEW_MS = 15_000;
/** y-websocket's reconnect backoff: 100 ms doubling, at most 2.5 s. */
const MAX_BACKOFF_MS = 2500;

/** An empty state vector: a fresh tab asks for the whole document, and so does a raw client after a drop. */
const EMPTY_STATE_VECTOR = new Uint8Array([0]);

export interface RawClientOptions {
  /** `ws://host:port/sync/<document id>`, with the query (`access_token`, `saved=1`) already on it. */
  readonly url: string;
  /** The Yjs client id it writes and presents under. */
  readonly clientId: number;
  /** This client's answer to the server's sync step 1 (its state vector): what the server lacks of its writes. */
  readonly answerStep1: (serverStateVector: Uint8Array) => Uint8Array;
  /** A Yjs update (or a sync step 2, which is one) from the server, undecoded. */
  readonly onUpdate: (update: Uint8Array, isStep2: boolean) => void;
  /** The server stored this connection's first `count` update messages (step 2 answers included). */
  readonly onSaved?: (count: number) => void;
  /** The socket closed while the client was meant to be connected. */
  readonly onDrop?: (code: number, reason: string) => void;
  /** The server refused an update of this client ("permission denied"). */
  readonly onRefused?: (reason: string) => void;
}

export class RawClient {
  private socket: WebSocket | null = null;
  private stopped = false;
  private attempts = 0;
  private presenceClock = 0;
  private presenceTimer: NodeJS.Timeout | null = null;
  /** Update messages (step 2 answers included) sent on the current socket: what a saved message counts. */
  private sentOnSocket = 0;
  /** Whether the server's first sync step 2 arrived. */
  isSynced = false;

  constructor(private readonly options: RawClientOptions) {
    this.connect();
  }

  get clientId(): number {
    return this.options.clientId;
  }

  get isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /**
   * Sends one update; returns its number on this socket (what a saved message
   * counts), or null while disconnected: the update is then sent with the
   * step 2 answer after the reconnect, as the provider does.
   */
  sendUpdate(update: Uint8Array): number | null {
    return this.sendSync(SYNC_UPDATE, update);
  }

  close(): void {
    this.stopped = true;
    if (this.presenceTimer) clearInterval(this.presenceTimer);
    this.socket?.close();
  }

  private connect(): void {
    const socket = new WebSocket(this.options.url);
    this.socket = socket;
    this.sentOnSocket = 0;
    socket.on("open", () => {
      this.attempts = 0;
      this.send(message(MESSAGE_SYNC, (e) => writeSync(e, SYNC_STEP1, EMPTY_STATE_VECTOR)));
      this.sendPresence();
    });
    socket.on("message", (data: Buffer) => this.receive(data));
    socket.on("error", () => {
      // "close" follows and reconnects; a refused upgrade is reported there too
    });
    socket.on("close", (code: number, reason: Buffer) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.stopped) return;
      this.options.onDrop?.(code, reason.toString("utf8"));
      const backoff = Math.min(MAX_BACKOFF_MS, 100 * 2 ** this.attempts++);
      setTimeout(() => {
        if (!this.stopped) this.connect();
      }, backoff);
    });
    // Renew presence as y-protocols does, at a phase of the client's own.
    if (this.presenceTimer === null) {
      const first = setTimeout(() => {
        this.presenceTimer = setInterval(() => this.sendPresence(), PRESENCE_RENEW_MS);
        this.sendPresence();
      }, Math.random() * PRESENCE_RENEW_MS);
      this.presenceTimer = first;
    }
  }

  private receive(data: Buffer): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === SYNC_STEP1) this.sendSync(SYNC_STEP2, this.options.answerStep1(payload));
      else if (step === SYNC_STEP2 || step === SYNC_UPDATE) {
        this.options.onUpdate(payload, step === SYNC_STEP2);
        if (step === SYNC_STEP2) this.isSynced = true;
      }
    } else if (type === MESSAGE_SAVED) {
      decoding.readVarUint8Array(decoder); // the document's state vector: not needed here
      this.options.onSaved?.(decoding.readVarUint(decoder));
    } else if (type === MESSAGE_AUTH) {
      decoding.readVarUint(decoder); // 0: permission denied
      this.options.onRefused?.(decoding.readVarString(decoder));
    }
    // MESSAGE_AWARENESS: the peers' presence; a provider would apply it, the server's cost is the same without.
  }

  private sendSync(step: number, payload: Uint8Array): number | null {
    if (!this.send(message(MESSAGE_SYNC, (e) => writeSync(e, step, payload)))) return null;
    return ++this.sentOnSocket;
  }

  /** The provider's presence: an empty state, its clock one higher each time (y-protocols' renewal). */
  private sendPresence(): void {
    if (!this.isOpen) return;
    const clock = ++this.presenceClock;
    this.send(
      message(MESSAGE_AWARENESS, (e) => {
        const update = encoding.createEncoder();
        encoding.writeVarUint(update, 1);
        encoding.writeVarUint(update, this.options.clientId);
        encoding.writeVarUint(update, clock);
        encoding.writeVarString(update, "{}");
        encoding.writeVarUint8Array(e, encoding.toUint8Array(update));
      }),
    );
  }

  private send(bytes: Uint8Array): boolean {
    if (!this.isOpen) return false;
    this.socket?.send(bytes);
    return true;
  }
}

function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function writeSync(encoder: encoding.Encoder, step: number, payload: Uint8Array): void {
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
}
