/**
 * Load generator of the bench: runs in its own process (forked by
 * generators.ts), never inside the server under test.
 *
 * Every document gets `clientsPerDocument` raw protocol clients (rawClient.ts:
 * one socket each, no Y.Doc) and one RoomWriter (one Y.Doc for all of them,
 * writing under each client's own Yjs client id). Each client owns one row and
 * sets its `measure` cell to `<client id>|<send time>`, at its pace (protocol.ts:
 * once per interval at a random phase, or as soon as the server acknowledged).
 * Every other client of the document records `arrival − send time` when it
 * finds that value in an update from the server: sender and receivers share
 * this process and its monotonic clock, so the latency has no clock skew in it.
 */
import { randomInt } from "node:crypto";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { encodeCellValue, scanCellValues } from "./cellValues.ts";
import type {
  ConnectMessage,
  LoadgenConfig,
  LoadgenMessage,
  MeasureMessage,
  OrchestratorMessage,
  ResultMessage,
} from "./protocol.ts";
import { RawClient } from "./rawClient.ts";
import { RoomWriter } from "./roomWriter.ts";
import { Samples } from "./samples.ts";

/** Milliseconds on one monotonic clock, roughly aligned with the epoch. */
const clock = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A slot fired this late means the generator, not the server, is the bottleneck. */
const LATE_SEND_MS = 250;
/** The histogram records whole timer intervals: the lag is what exceeds this. */
const LOOP_RESOLUTION_MS = 10;
const lag = (nanoseconds: number) => Math.max(0, nanoseconds / 1e6 - LOOP_RESOLUTION_MS);
/** How often clients of the acknowledged pace that could send more (after a reconnect) are looked at. */
const PUMP_MS = 100;

interface Room {
  readonly docId: string;
  readonly writer: RoomWriter;
  readonly clients: Client[];
  readonly owners: Map<number, Client>;
  loaded: boolean;
}

interface Client {
  readonly raw: RawClient;
  readonly room: Room;
  rowId: string;
  /** Send time of this client's last write (0: the row's first value). */
  lastSentAt: number;
  /** Per owner (client id), the newest send time this client received. */
  readonly seen: Map<number, number>;
  /** Acknowledged pace: edits sent on the current socket, oldest first, until a saved message covers them. */
  readonly unacknowledged: { sequence: number; sentAt: number }[];
  editing: boolean;
}

/** Figures of the window being measured. */
class Window {
  readonly latencies = new Samples();
  readonly sentOffsets = new Samples();
  readonly disconnects = new Samples();
  readonly ackLatencies = new Samples();
  sent = 0;
  received = 0;
  lateSends = 0;
  acknowledged = 0;
  refused = 0;
  constructor(
    readonly from: number,
    readonly until: number,
  ) {}
  includes(at: number): boolean {
    return at >= this.from && at < this.until;
  }
}

const config = readConfig();
const rooms: Room[] = [];
const clients: Client[] = [];
const usedClientIds = new Set<number>();
let startAt: number | null = null;
let stopAt = Number.POSITIVE_INFINITY;
let window: Window | null = null;
const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
loop.enable();

/** Resolves once the message is handed to the IPC pipe: exiting earlier could cut it off. */
function send(message: LoadgenMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}

function fail(error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`load generator ${config.generator}: ${message}`);
  void send({ type: "error", message }).then(() => process.exit(1));
}

function readConfig(): LoadgenConfig {
  const raw = process.env.BENCH_LOADGEN_CONFIG;
  if (!raw) throw new Error("BENCH_LOADGEN_CONFIG is not set: loadgen.ts is started by the bench");
  return JSON.parse(raw) as LoadgenConfig;
}

/** Resolves when `check` holds, polling; rejects after `timeoutMs` with `what`. */
async function until(check: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = clock() + timeoutMs;
  while (!check()) {
    if (clock() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what()}`);
    await sleep(20);
  }
}

/** A Yjs client id (uint32, as Yjs draws them) unique in this process. */
function newClientId(): number {
  for (;;) {
    const id = randomInt(1, 2 ** 32 - 1);
    if (!usedClientIds.has(id)) {
      usedClientIds.add(id);
      return id;
    }
  }
}

// ---------------------------------------------------------------- receiving

/** A client found values in an update from the server: each newer one than it had is a delivery. */
function receive(client: Client, update: Uint8Array, isStep2: boolean): void {
  const room = client.room;
  if (!room.loaded && isStep2) {
    // The first step 2 of the room is the server's state: the writer starts from it.
    room.writer.load(update);
    room.loaded = true;
  }
  const now = clock();
  scanCellValues(
    update,
    (id) => room.owners.has(id),
    ({ clientId, sentAt }) => {
      if (clientId === client.raw.clientId) return;
      const previous = client.seen.get(clientId);
      if (previous !== undefined && sentAt <= previous) return; // a resync repeating what it had
      client.seen.set(clientId, sentAt);
      if (window?.includes(sentAt)) {
        window.latencies.push(now - sentAt);
        window.sentOffsets.push(sentAt - window.from);
        window.received++;
      }
    },
  );
}

function acknowledge(client: Client, count: number): void {
  const now = clock();
  const pending = client.unacknowledged;
  while (pending.length > 0 && (pending[0]?.sequence ?? 0) <= count) {
    const { sentAt } = pending.shift() as { sentAt: number };
    if (window?.includes(now)) {
      window.acknowledged++;
      window.ackLatencies.push(now - sentAt);
    }
  }
  pump(client);
}

// ---------------------------------------------------------------- editing

function edit(client: Client): void {
  const sentAt = clock();
  client.lastSentAt = sentAt;
  const update = client.room.writer.setCell(
    client.raw.clientId,
    client.rowId,
    encodeCellValue(client.raw.clientId, sentAt),
  );
  if (window?.includes(sentAt)) window.sent++;
  const sequence = client.raw.sendUpdate(update);
  if (sequence !== null && config.pace.kind === "acknowledged") client.unacknowledged.push({ sequence, sentAt });
}

/** Acknowledged pace: keeps `window` edits of the client unacknowledged while editing. */
function pump(client: Client): void {
  if (config.pace.kind !== "acknowledged" || !client.editing) return;
  while (client.raw.isOpen && client.unacknowledged.length < config.pace.window && clock() < stopAt) edit(client);
}

/** From `from` on: one edit per interval at the client's own phase, or as many as the acknowledged window takes. */
function startEditing(client: Client, from: number): void {
  const { pace } = config;
  if (pace.kind === "acknowledged") {
    setTimeout(
      () => {
        client.editing = true;
        pump(client);
      },
      Math.max(0, from - clock()),
    );
    return;
  }
  client.editing = true;
  const fire = (slot: number) => {
    if (slot >= stopAt) return;
    const sentAt = clock();
    if (sentAt - slot > LATE_SEND_MS && window?.includes(slot)) window.lateSends++;
    edit(client);
    const next = slot + pace.intervalMs;
    setTimeout(() => fire(next), Math.max(0, next - clock()));
  };
  const first = from + Math.random() * pace.intervalMs;
  setTimeout(() => fire(first), Math.max(0, first - clock()));
}

// ---------------------------------------------------------------- commands

async function connect({ docIds, tokens }: ConnectMessage): Promise<void> {
  const started = clock();
  const added: Room[] = [];
  let batch: Client[] = [];
  const waitForBatch = async () => {
    await until(
      () => batch.every((c) => c.raw.isSynced),
      config.setupTimeoutMs,
      () => `${batch.filter((c) => !c.raw.isSynced).length} of ${batch.length} clients not synced`,
    );
    batch = [];
  };
  for (const [d, docId] of docIds.entries()) {
    const room: Room = { docId, writer: new RoomWriter(), clients: [], owners: new Map(), loaded: false };
    for (let c = 0; c < config.clientsPerDocument; c++) {
      const query = new URLSearchParams();
      const token = tokens?.[d]?.[c];
      if (token) query.set("access_token", token);
      if (config.pace.kind === "acknowledged") query.set("saved", "1");
      const clientId = newClientId();
      const client: Client = {
        room,
        rowId: "",
        lastSentAt: 0,
        seen: new Map(),
        unacknowledged: [],
        editing: false,
        raw: new RawClient({
          url: `${config.urls[c % config.urls.length]}/${docId}${query.size ? `?${query}` : ""}`,
          clientId,
          answerStep1: (stateVector) =>
            room.loaded ? room.writer.missingOf(clientId, stateVector) : new Uint8Array([0, 0]),
          onUpdate: (update, isStep2) => receive(client, update, isStep2),
          onSaved: (count) => acknowledge(client, count),
          onDrop: () => {
            client.unacknowledged.length = 0; // a new socket counts its messages afresh
            if (window?.includes(clock())) window.disconnects.push(clock() - window.from);
          },
          onRefused: () => {
            if (window) window.refused++;
          },
        }),
      };
      room.clients.push(client);
      room.owners.set(clientId, client);
      batch.push(client);
    }
    added.push(room);
    if (batch.length >= config.connectConcurrency || d === docIds.length - 1) await waitForBatch();
  }

  // Rows: the stock server starts with empty rooms, so the first client stamps
  // the template as the Karta server does on creation; then each client adds
  // the one row it will edit.
  for (const room of added) {
    const first = room.clients[0] as Client;
    if (config.stampDocuments) {
      const stamp = room.writer.stampIfEmpty(first.raw.clientId);
      if (stamp) first.raw.sendUpdate(stamp);
    }
    for (const client of room.clients) {
      const inserted = room.writer.insertRow(client.raw.clientId, encodeCellValue(client.raw.clientId, 0));
      client.rowId = inserted.rowId;
      client.raw.sendUpdate(inserted.update);
    }
  }
  await until(
    () => added.every((room) => room.clients.every((c) => c.seen.size === room.clients.length - 1)),
    config.setupTimeoutMs,
    () => "rows of peers did not arrive",
  );
  for (const room of added) {
    rooms.push(room);
    clients.push(...room.clients);
    if (startAt !== null) for (const client of room.clients) startEditing(client, clock());
  }
  await send({ type: "connected", setupMs: Math.round(clock() - started) });
}

/** (receiver, owner) pairs whose last value received is not the owner's last write. */
function staleCells(): number {
  let stale = 0;
  for (const room of rooms) {
    for (const receiver of room.clients) {
      for (const owner of room.clients) {
        if (owner !== receiver && receiver.seen.get(owner.raw.clientId) !== owner.lastSentAt) stale++;
      }
    }
  }
  return stale;
}

async function measure({ from, until: to, drainMs, stopEditing }: MeasureMessage): Promise<void> {
  const current = new Window(from, to);
  if (stopEditing) stopAt = to;
  // In place before `from`: a timer firing late must not miss the window's first edits while their deliveries count.
  window = current;
  await sleep(Math.max(0, from - clock()));
  loop.reset();
  await sleep(Math.max(0, to - clock()));
  const loopDelay = { p50: lag(loop.percentile(50)), p99: lag(loop.percentile(99)), max: lag(loop.max) };

  // Wait for stragglers. A peer that resynced after a dropped socket gets only
  // the newest value of a cell, never the ones in between: those deliveries
  // stay missing, so the drain also ends once nothing arrived for 1 s (and,
  // when editing stopped, every cell converged).
  const expected = () => current.sent * (config.clientsPerDocument - 1);
  const drainUntil = clock() + drainMs;
  let lastCount = -1;
  let quietSince = clock();
  while (clock() < drainUntil) {
    if (current.received !== lastCount) {
      lastCount = current.received;
      quietSince = clock();
    }
    const settled = current.received >= expected() || clock() - quietSince > 1000;
    if (settled && (!stopEditing || staleCells() === 0)) break;
    await sleep(50);
  }
  window = null;
  const result: ResultMessage = {
    type: "result",
    generator: config.generator,
    latencies: current.latencies.toArray(),
    sentOffsets: current.sentOffsets.toArray(),
    sent: current.sent,
    expected: expected(),
    received: current.received,
    lateSends: current.lateSends,
    loopDelay,
    disconnects: current.disconnects.toArray(),
    staleCells: stopEditing ? staleCells() : null,
    acknowledged: current.acknowledged,
    ackLatencies: current.ackLatencies.toArray(),
    refused: current.refused,
  };
  await send(result);
}

async function exit(): Promise<void> {
  for (const client of clients) client.raw.close();
  await sleep(200);
  process.disconnect?.();
  process.exit(0);
}

process.on("message", (message: OrchestratorMessage) => {
  if (message.type === "connect") connect(message).catch(fail);
  else if (message.type === "start") {
    startAt = message.startAt;
    for (const client of clients) startEditing(client, message.startAt);
  } else if (message.type === "measure") measure(message).catch(fail);
  else if (message.type === "exit") void exit();
});
// After a reconnect an acknowledged client has nothing in flight: start it again.
setInterval(() => {
  for (const client of clients) pump(client);
}, PUMP_MS).unref();
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);
