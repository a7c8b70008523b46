/**
 * Messages between the bench orchestrator (run.ts and its modes) and its load
 * generator processes (loadgen.ts). They travel over the Node IPC channel of
 * `fork()` with `serialization: "advanced"`, so typed arrays arrive intact.
 *
 * A generator is driven step by step: `connect` documents (again and again in
 * the capacity mode, which adds connections at each step), `start` editing,
 * then `measure` windows; `exit` closes every socket.
 */

/** How each client edits. */
export type EditPace =
  /** Once per `intervalMs` at a random phase of its own: the load of people typing. */
  | { readonly kind: "interval"; readonly intervalMs: number }
  /**
   * The next edit as soon as the server acknowledged an earlier one (`?saved=1`),
   * with at most `window` unacknowledged: the most durable appends the server can take.
   */
  | { readonly kind: "acknowledged"; readonly window: number };

/** What one load generator process is, for its whole life (environment BENCH_LOADGEN_CONFIG). */
export interface LoadgenConfig {
  /**
   * Base websocket URLs, one per server instance; `/<document id>` and the
   * query are appended. A document's clients take them in turn, so with two
   * instances every edit reaches half of its peers through the other one.
   */
  readonly urls: readonly string[];
  readonly clientsPerDocument: number;
  /** Index of this generator process, for logs. */
  readonly generator: number;
  /** Whether the documents start empty (stock) and the first client stamps the template. */
  readonly stampDocuments: boolean;
  readonly pace: EditPace;
  /** Connections opened at once while ramping up. */
  readonly connectConcurrency: number;
  /** Gives up if the clients are not connected, synced and seeded within this time. */
  readonly setupTimeoutMs: number;
}

/** Orchestrator → generator: open `clientsPerDocument` clients on each of these documents and add their rows. */
export interface ConnectMessage {
  readonly type: "connect";
  readonly docIds: readonly string[];
  /** Per document, one token per client, sent as `?access_token=` (see editors.ts); null for stock. */
  readonly tokens: readonly (readonly string[])[] | null;
}

/** Orchestrator → generator: clients start editing at `startAt` (epoch ms); clients connected later start at once. */
export interface StartMessage {
  readonly type: "start";
  readonly startAt: number;
}

/** Orchestrator → generator: the figures of edits sent in [from, until), after waiting up to `drainMs` for deliveries. */
export interface MeasureMessage {
  readonly type: "measure";
  readonly from: number;
  readonly until: number;
  readonly drainMs: number;
  /** No edit after `until`: the drain then also waits for every cell to converge, and checks it. */
  readonly stopEditing: boolean;
}

export interface ExitMessage {
  readonly type: "exit";
}

export type OrchestratorMessage = ConnectMessage | StartMessage | MeasureMessage | ExitMessage;

/** Generator → orchestrator: every client asked for is connected, synced and owns its row. */
export interface ConnectedMessage {
  readonly type: "connected";
  readonly setupMs: number;
}

/** Generator → orchestrator: figures of one measured window. */
export interface ResultMessage {
  readonly type: "result";
  readonly generator: number;
  /** Edit-to-peer latencies (ms) of edits sent inside the window. */
  readonly latencies: Float64Array;
  /** For each latency, when its edit was sent: ms after `from`. */
  readonly sentOffsets: Float64Array;
  /** Edits sent inside the window. */
  readonly sent: number;
  /** sent × (clients − 1): every peer of the document should see every edit. */
  readonly expected: number;
  /** Deliveries of the window's edits seen by the end of the drain. */
  readonly received: number;
  /** Edits that went out later than 250 ms after their slot: the generator, not the server, was behind. */
  readonly lateSends: number;
  /** Event loop delay of the generator during the window (ms). */
  readonly loopDelay: { readonly p50: number; readonly p99: number; readonly max: number };
  /** When a socket dropped during the window: ms after `from`. */
  readonly disconnects: Float64Array;
  /**
   * With `stopEditing`: (receiver, owner) pairs whose last value received is
   * not the owner's last write after the drain, i.e. real divergence, unlike a
   * missing delivery of a value overwritten meanwhile; null otherwise.
   */
  readonly staleCells: number | null;
  /** Acknowledged pace: own edits whose saved message arrived inside the window. */
  readonly acknowledged: number;
  /** Acknowledged pace: send → saved message of those edits (ms). */
  readonly ackLatencies: Float64Array;
  /** Updates the server refused ("permission denied") during the window. */
  readonly refused: number;
}

export interface ErrorMessage {
  readonly type: "error";
  readonly message: string;
}

export type LoadgenMessage = ConnectedMessage | ResultMessage | ErrorMessage;
