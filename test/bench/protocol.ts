/**
 * Messages between the bench orchestrator (run.ts) and its load generator
 * processes (loadgen.ts). They travel over the Node IPC channel of `fork()`
 * with `serialization: "advanced"`, so typed arrays arrive intact.
 */

/** What one load generator process is asked to do. */
export interface LoadgenConfig {
  /** Base websocket URL; the provider appends `/<room>`. */
  readonly url: string;
  /** Rooms (document ids) this process drives; every room gets `clients` clients. */
  readonly docIds: readonly string[];
  /**
   * Per room, one token per client, sent as `?access_token=` (ours needs a
   * signed-in user, and a token of each client's own: see editors.ts); null for stock.
   */
  readonly tokens: readonly (readonly string[])[] | null;
  readonly clients: number;
  /** Index of this generator process, only used in client ids and logs. */
  readonly generator: number;
  /** Whether the documents are already stamped by the server (ours) or empty (stock). */
  readonly stampDocuments: boolean;
  /** Connections opened at once while ramping up. */
  readonly connectConcurrency: number;
  /** Gives up if the clients are not connected, synced and seeded within this time. */
  readonly setupTimeoutMs: number;
}

/** Orchestrator → generator: the shared schedule, in epoch milliseconds. */
export interface StartMessage {
  readonly type: "start";
  /** First edits go out in the second after this instant. */
  readonly startAt: number;
  /** Edits sent before this instant are warmup: sent, but not measured. */
  readonly measureFrom: number;
  /** No edit is sent at or after this instant. */
  readonly measureUntil: number;
  /** After `measureUntil`, wait at most this long for late deliveries. */
  readonly drainMs: number;
}

/** Generator → orchestrator: every client is connected, synced and owns its row. */
export interface ReadyMessage {
  readonly type: "ready";
  readonly setupMs: number;
}

/** Generator → orchestrator: figures of the measured window. */
export interface ResultMessage {
  readonly type: "result";
  readonly generator: number;
  /** Edit-to-peer latencies (ms) of edits sent inside the measured window. */
  readonly latencies: Float64Array;
  /** For each latency, when its edit was sent: ms after `measureFrom`. */
  readonly sentOffsets: Float64Array;
  /** Edits sent inside the measured window. */
  readonly sent: number;
  /** sent × (clients − 1): every peer of the document should see every edit. */
  readonly expected: number;
  /** Deliveries of measured edits observed by the end of the drain. */
  readonly received: number;
  /** Edits that were due but sent later than 250 ms after their slot (generator overloaded). */
  readonly lateSends: number;
  /** Event loop delay of the generator during the measured window (ms). */
  readonly loopDelay: { readonly p50: number; readonly p99: number; readonly max: number };
  /** When a client's websocket dropped after the start: ms after `measureFrom` (negative in warmup). */
  readonly disconnects: Float64Array;
  /**
   * (client, row) pairs, own rows included, where the client's final value of
   * the edited cell is not the owner's last write after the drain: real
   * divergence, unlike a missing delivery of a value overwritten meanwhile.
   */
  readonly staleCells: number;
}

export interface ErrorMessage {
  readonly type: "error";
  readonly message: string;
}

export type LoadgenMessage = ReadyMessage | ResultMessage | ErrorMessage;
