/**
 * `npm run bench:appends` (mode throughput): how many updates per second the
 * Karta server stores durably and acknowledges. Every client opens its socket
 * with `?saved=1` and keeps `window` edits unacknowledged: it sends the next
 * as soon as the server's saved message (type 100: "your first n update
 * messages are stored") covers an earlier one. Counted: own edits whose saved
 * message arrived inside the window, per second; the server's storage writes
 * per acknowledged update. Ours only: the stock server keeps documents in
 * memory and acknowledges nothing.
 */
import { generatorSaturation, saturationWarning, type WindowStats, windowStats } from "./latencyStats.ts";
import type { BenchOptions } from "./options.ts";
import { clock, sampleWindow, type WindowUsage } from "./sampling.ts";
import { dirBytes, sleep } from "./servers.ts";
import { Session } from "./session.ts";

/** The target for one Karta instance. */
const TARGET_APPENDS_PER_SECOND = 20_000;

export interface ThroughputResult {
  readonly stats: WindowStats;
  readonly usage: WindowUsage;
  readonly acknowledgedPerSecond: number;
  /** Server's storage writes (/proc/<pid>/io write_bytes) during the window per acknowledged update. */
  readonly storageBytesPerUpdate: number;
  /** Growth of the data directory (database, WAL and its index) during the window per acknowledged update. */
  readonly dataDirBytesPerUpdate: number;
  readonly serverPeakRssMiB: number;
  readonly setupMs: number;
}

export async function runThroughput(options: BenchOptions): Promise<Record<string, unknown>> {
  console.log(`\n▶ ours: acknowledged durable appends`);
  const pace = { kind: "acknowledged", window: options.window } as const;
  const session = await Session.open("ours", options.generators, options.clients, pace, options.placement);
  let result: ThroughputResult;
  try {
    const setupMs = await session.addDocuments(options.docs);
    console.log(`  ${session.connections} clients connected and synced in ${(setupMs / 1000).toFixed(1)} s`);
    const startAt = clock() + 500;
    const from = startAt + options.warmup * 1000;
    const until = from + options.seconds * 1000;
    session.start(startAt);
    console.log(`  warmup ${options.warmup} s, then measuring ${options.seconds} s…`);
    const dataDir = session.server.dataDir as string;
    const dirAt = async (at: number) => {
      await sleep(at - clock());
      return dirBytes(dataDir);
    };
    const [results, usage, dirBefore, dirAfter] = await Promise.all([
      Promise.all(session.generators.map((g) => g.measure(from, until, options.drain * 1000, true))),
      sampleWindow(session.processes, from, until),
      dirAt(from),
      dirAt(until),
    ]);
    const stats = windowStats(results, options.seconds);
    result = {
      stats,
      usage,
      acknowledgedPerSecond: stats.acknowledged / options.seconds,
      storageBytesPerUpdate: usage.serverStorageWriteBytes / stats.acknowledged,
      dataDirBytesPerUpdate: (dirAfter - dirBefore) / stats.acknowledged,
      serverPeakRssMiB: session.serverPeakRssMiB(),
      setupMs,
    };
  } finally {
    await session.close();
  }
  printThroughput(result, options);
  return { throughput: result };
}

function printThroughput(r: ThroughputResult, options: BenchOptions): void {
  const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
  const { stats, usage } = r;
  console.log(
    `\nThroughput: ${options.docs} documents × ${options.clients} clients (?saved=1), ` +
      `${options.window} unacknowledged edits per client, ${options.seconds} s measured after ${options.warmup} s warmup, ` +
      `${options.generators} load generator process(es)`,
  );
  const rows: [string, string][] = [
    ["acknowledged appends/s", fmt(r.acknowledgedPerSecond, 0)],
    ["  acknowledged in the window", String(stats.acknowledged)],
    ["send → saved p50 (ms)", fmt(stats.ackLatencyMs.p50)],
    ["send → saved p95 (ms)", fmt(stats.ackLatencyMs.p95)],
    ["send → saved p99 (ms)", fmt(stats.ackLatencyMs.p99)],
    ["edit-to-peer p50 (ms)", fmt(stats.latencyMs.p50)],
    ["edit-to-peer p95 (ms)", fmt(stats.latencyMs.p95)],
    ["storage write_bytes per update", fmt(r.storageBytesPerUpdate, 0)],
    ["data dir growth per update (bytes)", fmt(r.dataDirBytesPerUpdate, 0)],
    ["deliveries received/expected", `${stats.received}/${stats.expected}`],
    ["stale cells after drain", String(stats.staleCells ?? "–")],
    ["server CPU (% of 1 core)", fmt(usage.serverCpuPercent)],
    ["server peak RSS (MiB)", fmt(r.serverPeakRssMiB)],
    ["loadgen CPU (% of 1 core)", fmt(usage.generatorCpuPercent)],
    ["loadgen loop delay p99 (ms)", fmt(stats.generatorLoopDelayP99Ms)],
    ["reconnects", String(stats.disconnects)],
    ["refused updates", String(stats.refused)],
    ["other processes (% of 1 core)", fmt(usage.otherPercent)],
    ["CPU steal (% of all)", fmt(usage.stealPercent)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}   ${value.padStart(10)}`);
  console.log(
    `\nours: ${fmt(r.acknowledgedPerSecond, 0)} acknowledged appends/s ` +
      `(target ≥ ${TARGET_APPENDS_PER_SECOND}: ${r.acknowledgedPerSecond >= TARGET_APPENDS_PER_SECOND ? "met" : "not met"})`,
  );
  const saturated = generatorSaturation(stats);
  if (saturated) console.log(saturationWarning("throughput", saturated));
}
