/**
 * Load generator of `npm run bench`: runs in its own process (forked by
 * run.ts), never inside the server under test.
 *
 * Every document gets `clients` real y-websocket clients (WebsocketProvider,
 * each with its own Y.Doc and awareness, exactly what a browser tab runs).
 * Each client owns one row and, once a second at a random phase of its own,
 * sets that row's `measure` cell to `<clientId>|<send time>`. Every other
 * client of the document records `arrival − send time` when the change
 * arrives: sender and receivers share this process and its monotonic clock,
 * so the edit-to-peer latency has no clock skew in it.
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { KartaDocument, readMeta, type TableModel, writeMeta } from "@karta/doc";
import { municipalRoadmap } from "@karta/schema";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { LoadgenConfig, LoadgenMessage, StartMessage } from "./protocol.ts";

/** Milliseconds on one monotonic clock, roughly aligned with the epoch. */
const clock = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The cell every client edits; any text column would do. */
const COLUMN = "measure";
/** A slot fired this late means the generator, not the server, is the bottleneck. */
const LATE_SEND_MS = 250;
/** The histogram records whole timer intervals: the lag is what exceeds this. */
const LOOP_RESOLUTION_MS = 10;
const lag = (nanoseconds: number) => Math.max(0, nanoseconds / 1e6 - LOOP_RESOLUTION_MS);

interface Client {
  readonly id: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly table: TableModel;
  rowId: string;
  /** The value this client last wrote to its cell. */
  lastValue: string;
}

/** A growable array of doubles: 270k samples in a plain array would box every one. */
class Samples {
  private data = new Float64Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/** Resolves once the message is handed to the IPC pipe: exiting earlier could cut it off. */
function send(message: LoadgenMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}

function fail(error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`load generator: ${message}`);
  void send({ type: "error", message }).then(() => process.exit(1));
}

function readConfig(): LoadgenConfig {
  const raw = process.env.BENCH_LOADGEN_CONFIG;
  if (!raw) throw new Error("BENCH_LOADGEN_CONFIG is not set: loadgen.ts is started by run.ts");
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

async function main(): Promise<void> {
  const config = readConfig();
  // Each provider adds a process "exit" listener; hundreds are expected here.
  process.setMaxListeners(0);
  const setupStarted = clock();
  const clients: Client[] = [];
  const rooms: Client[][] = [];

  // State of the measurement, filled in once the orchestrator says "start".
  let schedule: StartMessage | null = null;
  const latencies = new Samples();
  const sentOffsets = new Samples();
  const disconnects = new Samples();
  let sent = 0;
  let received = 0;
  let lateSends = 0;
  let measuring = false;
  const inWindow = (sentAt: number) =>
    schedule !== null && sentAt >= schedule.measureFrom && sentAt < schedule.measureUntil;

  // 1. Connect every client, a batch at a time, and wait for its first sync.
  let awaited = 0;
  for (const [d, docId] of config.docIds.entries()) {
    const room: Client[] = [];
    for (let c = 0; c < config.clients; c++) {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(config.url, docId, doc, {
        // ws's client is API-compatible with the browser WebSocket the provider expects.
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        // All clients live in one process: lib0's BroadcastChannel would hand
        // updates from client to client directly, bypassing the server.
        disableBc: true,
        params: config.tokens ? { access_token: config.tokens[d]?.[c] ?? "" } : {},
      });
      provider.on("status", ({ status }) => {
        if (status === "disconnected" && measuring && schedule) disconnects.push(clock() - schedule.measureFrom);
      });
      const client: Client = {
        id: `${config.generator}.${d}.${c}`,
        doc,
        provider,
        table: new KartaDocument(doc, municipalRoadmap).table("measures"),
        rowId: "",
        lastValue: "",
      };
      room.push(client);
      clients.push(client);
    }
    rooms.push(room);
    if (clients.length - awaited >= config.connectConcurrency || d === config.docIds.length - 1) {
      await until(
        () => clients.every((cl) => cl.provider.synced),
        config.setupTimeoutMs,
        () => `${clients.filter((cl) => !cl.provider.synced).length} of ${clients.length} clients not synced`,
      );
      awaited = clients.length;
    }
  }

  // 2. Seed: the stock server starts with empty rooms, so client 0 stamps the
  //    template as the Karta server does on creation; then every client adds
  //    the one row it will edit.
  for (const room of rooms) {
    const first = room[0];
    if (config.stampDocuments && first && readMeta(first.doc) === null) writeMeta(first.doc, municipalRoadmap);
    for (const client of room) {
      client.lastValue = client.id;
      client.rowId = client.table.insertRow(client.table.rowCount(), { [COLUMN]: client.lastValue });
    }
  }
  await until(
    () => rooms.every((room) => room.every((client) => room.every((owner) => hasRow(client, owner.rowId)))),
    config.setupTimeoutMs,
    () => "rows of peers did not arrive",
  );

  // 3. Receivers: every remote change of a `measure` cell is one delivery.
  for (const client of clients) {
    client.table.root.observeDeep((events, transaction) => {
      if (transaction.local || !measuring) return;
      const now = clock();
      for (const event of events) {
        if (event.target === client.table.root || !(event instanceof Y.YMapEvent)) continue;
        if (!event.keysChanged.has(COLUMN)) continue;
        const value = event.target.get(COLUMN);
        if (typeof value !== "string") continue;
        const sentAt = Number(value.slice(value.indexOf("|") + 1));
        if (!inWindow(sentAt)) continue;
        latencies.push(now - sentAt);
        sentOffsets.push(sentAt - (schedule?.measureFrom ?? 0));
        received++;
      }
    });
  }

  await send({ type: "ready", setupMs: Math.round(clock() - setupStarted) });

  // 4. Wait for the shared schedule, then edit once a second per client.
  schedule = await new Promise<StartMessage>((resolve) => {
    process.on("message", (message: StartMessage) => {
      if (message.type === "start") resolve(message);
    });
  });
  const { startAt, measureFrom, measureUntil, drainMs } = schedule;
  measuring = true;
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  setTimeout(() => loop.enable(), Math.max(0, measureFrom - clock()));
  setTimeout(() => loop.disable(), Math.max(0, measureUntil - clock()));

  for (const client of clients) {
    const phase = Math.random() * 1000;
    const fire = (slot: number) => {
      if (slot >= measureUntil) return;
      const sentAt = clock();
      if (sentAt - slot > LATE_SEND_MS && inWindow(slot)) lateSends++;
      client.lastValue = `${client.id}|${sentAt}`;
      client.table.setCell(client.rowId, COLUMN, client.lastValue);
      if (inWindow(sentAt)) sent++;
      const next = slot + 1000;
      setTimeout(() => fire(next), Math.max(0, next - clock()));
    };
    const first = startAt + phase;
    setTimeout(() => fire(first), Math.max(0, first - clock()));
  }

  // 5. After the window, wait for stragglers, then report. A peer that
  //    resynced after a dropped socket gets only the newest value of a cell,
  //    never the ones in between: those deliveries stay missing, so the drain
  //    also ends once every cell has converged and nothing arrived for 1 s.
  await sleep(Math.max(0, measureUntil - clock()));
  const expected = () => sent * (config.clients - 1);
  const staleCells = () =>
    rooms.reduce(
      (n, room) =>
        n +
        room.reduce((m, peer) => m + room.filter((owner) => cellOf(peer, owner.rowId) !== owner.lastValue).length, 0),
      0,
    );
  const drainUntil = clock() + drainMs;
  let lastCount = -1;
  let quietSince = clock();
  // An edit whose slot fell just before the window's end may still be in
  // flight when the count is complete (it went out late and is not counted):
  // convergence is required either way.
  while (clock() < drainUntil) {
    if (received !== lastCount) {
      lastCount = received;
      quietSince = clock();
    }
    const settled = received >= expected() || clock() - quietSince > 1000;
    if (settled && staleCells() === 0) break;
    await sleep(50);
  }
  measuring = false;

  await send({
    type: "result",
    generator: config.generator,
    latencies: latencies.toArray(),
    sentOffsets: sentOffsets.toArray(),
    sent,
    expected: expected(),
    received,
    lateSends,
    loopDelay: { p50: lag(loop.percentile(50)), p99: lag(loop.percentile(99)), max: lag(loop.max) },
    disconnects: disconnects.toArray(),
    staleCells: staleCells(),
  });

  for (const client of clients) client.provider.destroy();
  await sleep(200);
  process.disconnect?.();
  process.exit(0);
}

function hasRow(client: Client, rowId: string): boolean {
  return client.table.root.has(rowId);
}

/** What `client` currently sees in the edited cell of row `rowId`. */
function cellOf(client: Client, rowId: string): unknown {
  return client.table.root.get(rowId)?.get(COLUMN);
}

process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);
main().catch(fail);
