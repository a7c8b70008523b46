/**
 * `npm run bench:capacity` (mode capacity): how many connections a server
 * holds while its latency stays good. One server process per target; at each
 * step documents of `clients` clients are added until the step's connection
 * count, every client edits once per `interval` (default 10 s: someone typing
 * in bursts, with pauses, rather than 1 edit/s for ever) and renews its
 * presence every 15 s; after a warmup one window is measured. Reports each
 * step and the most connections held at p95 ≤ 50 ms with a generator that
 * kept up.
 */
import { generatorSaturation, saturationWarning, type WindowStats, windowStats } from "./latencyStats.ts";
import type { BenchOptions, Target } from "./options.ts";
import { clock, sampleWindow, type WindowUsage } from "./sampling.ts";
import { describeTarget, openFilesLimit, sleep } from "./servers.ts";
import { Session } from "./session.ts";

/** The latency a step must keep to count as held. */
const P95_LIMIT_MS = 50;
/** Past this p95 the server is drowning: bigger steps would only take longer to say so. */
const GIVE_UP_P95_MS = 1000;
/** File descriptors a process needs besides its sockets (files, pipes, the SQLite database and WAL). */
const SPARE_FILES = 100;

export interface CapacityStep {
  readonly connections: number;
  readonly setupMs: number;
  readonly stats: WindowStats;
  readonly usage: WindowUsage;
  readonly serverRssMiB: number;
  readonly serverPeakRssMiB: number;
  /** Why the generator may have set the figures, or null. */
  readonly saturated: string | null;
  readonly held: boolean;
}

export interface CapacityResult {
  readonly target: Target;
  readonly description: string;
  readonly steps: readonly CapacityStep[];
  /** The largest step held at p95 ≤ 50 ms with every delivery, no drop and no saturated generator; 0 if none. */
  readonly mostConnectionsHeld: number;
  /** Why the ramp stopped before its last step, if it did. */
  readonly stoppedBecause: string | null;
  readonly serverOpenFilesLimit: number;
}

async function rampTarget(target: Target, options: BenchOptions): Promise<CapacityResult> {
  console.log(`\n▶ ${target}: ${describeTarget(target)}`);
  const pace = { kind: "interval", intervalMs: options.interval } as const;
  const session = await Session.open(target, options.generators, options.clients, pace, options.placement);
  const steps: CapacityStep[] = [];
  let stoppedBecause: string | null = null;
  const serverOpenFilesLimit = openFilesLimit(session.server.pid);
  const generatorLimit = Math.min(...session.generators.map((g) => openFilesLimit(g.pid)));
  const peak = options.steps.at(-1) as number;
  if (serverOpenFilesLimit < peak + SPARE_FILES || generatorLimit < peak / options.generators + SPARE_FILES) {
    console.log(
      `! open files limit: server ${serverOpenFilesLimit}, generators ${generatorLimit}, for up to ${peak} connections: ` +
        "raise it (ulimit -n) or the last steps fail for lack of descriptors",
    );
  }
  try {
    for (const [i, connections] of options.steps.entries()) {
      const last = i === options.steps.length - 1;
      let setupMs: number;
      try {
        setupMs = await session.addDocuments((connections - session.connections) / options.clients);
      } catch (error) {
        stoppedBecause = `could not connect ${connections}: ${(error as Error).message}`;
        break;
      }
      if (i === 0) session.start(clock() + 500);
      const from = clock() + 500 + options.warmup * 1000;
      const until = from + options.seconds * 1000;
      const results = Promise.all(session.generators.map((g) => g.measure(from, until, options.drain * 1000, last)));
      const usage = await sampleWindow(session.processes, from, until);
      const stats = windowStats(await results, options.seconds);
      const saturated = generatorSaturation(stats);
      const held =
        stats.latencyMs.p95 <= P95_LIMIT_MS &&
        saturated === null &&
        stats.received === stats.expected &&
        stats.refused === 0 &&
        stats.disconnects === 0 &&
        (stats.staleCells ?? 0) === 0;
      const step: CapacityStep = {
        connections,
        setupMs,
        stats,
        usage,
        serverRssMiB: session.serverRssMiB(),
        serverPeakRssMiB: session.serverPeakRssMiB(),
        saturated,
        held,
      };
      steps.push(step);
      console.log(`  ${formatStep(step)}`);
      if (saturated) console.log(`  ${saturationWarning(`${target} at ${connections}`, saturated)}`);
      if (stats.latencyMs.p95 > GIVE_UP_P95_MS && !last) {
        stoppedBecause = `p95 ${stats.latencyMs.p95.toFixed(0)} ms at ${connections} connections`;
        break;
      }
    }
  } finally {
    await session.close();
  }
  const mostConnectionsHeld = Math.max(0, ...steps.filter((s) => s.held).map((s) => s.connections));
  return {
    target,
    description: describeTarget(target),
    steps,
    mostConnectionsHeld,
    stoppedBecause,
    serverOpenFilesLimit,
  };
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

function formatStep(s: CapacityStep): string {
  return (
    `${s.connections} connections: p50 ${fmt(s.stats.latencyMs.p50)} ms, p95 ${fmt(s.stats.latencyMs.p95)} ms, ` +
    `server CPU ${fmt(s.usage.serverCpuPercent)}%, RSS ${fmt(s.serverRssMiB)} MiB, ` +
    `generator loop p99 ${fmt(s.stats.generatorLoopDelayP99Ms)} ms` +
    (s.held ? "" : " (not held)")
  );
}

function printCapacity(results: readonly CapacityResult[], options: BenchOptions): void {
  const editsPerSecond = (c: number) => (c * 1000) / options.interval;
  console.log(
    `\nCapacity: ${options.clients} clients per document, 1 edit per ${options.interval / 1000} s per client, ` +
      `presence renewed every 15 s; ${options.warmup} s warmup and ${options.seconds} s measured per step; ` +
      `${options.generators} load generator process(es)`,
  );
  const header = [
    "server",
    "connections",
    "edits/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "delivered",
    "server CPU %",
    "RSS MiB",
    "gen CPU %",
    "gen loop p99 ms",
    "late",
    "drops",
    "held",
  ];
  const rows = results.flatMap((r) =>
    r.steps.map((s) => [
      r.target,
      String(s.connections),
      fmt(editsPerSecond(s.connections), 0),
      fmt(s.stats.latencyMs.p50),
      fmt(s.stats.latencyMs.p95),
      fmt(s.stats.latencyMs.p99),
      `${s.stats.received}/${s.stats.expected}`,
      fmt(s.usage.serverCpuPercent),
      fmt(s.serverRssMiB),
      fmt(s.usage.generatorCpuPercent),
      fmt(s.stats.generatorLoopDelayP99Ms),
      String(s.stats.lateSends),
      String(s.stats.disconnects),
      s.held ? "yes" : "no",
    ]),
  );
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => (row[i] ?? "").length)));
  const render = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join("  ");
  console.log(render(header));
  for (const row of rows) console.log(render(row));
  console.log("");
  for (const r of results) {
    console.log(
      `${r.target}: most connections held at p95 ≤ ${P95_LIMIT_MS} ms: ${r.mostConnectionsHeld || "none of the steps"}` +
        ` (open files limit of the server: ${r.serverOpenFilesLimit})`,
    );
    const lastStep = r.steps.at(-1);
    if (lastStep?.stats.staleCells !== null && lastStep?.stats.staleCells !== undefined) {
      console.log(`${r.target}: stale cells after the last step's drain: ${lastStep.stats.staleCells}`);
    }
    if (r.stoppedBecause) console.log(`! ${r.target}: the ramp stopped early: ${r.stoppedBecause}`);
    for (const s of r.steps) {
      if (s.saturated) console.log(saturationWarning(`${r.target} at ${s.connections}`, s.saturated));
      if (s.stats.refused) console.log(`! ${r.target} at ${s.connections}: ${s.stats.refused} updates refused`);
    }
  }
}

export async function runCapacity(options: BenchOptions): Promise<Record<string, unknown>> {
  const results: CapacityResult[] = [];
  for (const [i, target] of options.targets.entries()) {
    if (i > 0) await sleep(3000); // let the previous run's sockets and CPU settle
    results.push(await rampTarget(target, options));
  }
  printCapacity(results, options);
  return { capacity: results };
}
