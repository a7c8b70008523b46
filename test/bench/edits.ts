/**
 * `npm run bench` (mode edits): the same load of people typing, in turn,
 * against the Karta server and the stock `@y/websocket-server`: each server
 * gets its documents and clients, a warmup, one measured window, a drain and
 * a convergence check; then all are printed side by side with the ratios
 * ours/stock (and against stock-leveldb, the stock server storing to LevelDB,
 * when it ran). See docs/benchmarks.md.
 */
import { generatorSaturation, saturationWarning, type WindowStats, windowStats } from "./latencyStats.ts";
import { type BenchOptions, isStock, TARGETS, type Target } from "./options.ts";
import { rssMiB } from "./procfs.ts";
import { clock, sampleWindow, type WindowUsage } from "./sampling.ts";
import { describeTarget, dirBytes } from "./servers.ts";
import { Session } from "./session.ts";

/** CPU (% of one core) used by unrelated processes above which a run is flagged as disturbed. */
const NOISY_OTHER_PERCENT = 10;

export interface EditsResult extends WindowStats {
  readonly target: Target;
  readonly description: string;
  readonly setupMs: number;
  readonly usage: WindowUsage;
  readonly server: {
    readonly peakRssMiB: number;
    readonly rssAtStartMiB: number;
    readonly rssAtEndMiB: number;
    readonly dataDirMiB: number | null;
  };
  readonly generatorPeakRssMiB: number;
}

export async function runEdits(target: Target, options: BenchOptions): Promise<EditsResult> {
  console.log(`\n▶ ${target}: ${describeTarget(target)}`);
  const pace = { kind: "interval", intervalMs: options.interval } as const;
  const session = await Session.open(target, options.generators, options.clients, pace, options.placement);
  try {
    const rssAtStart = session.serverRssMiB();
    const setupMs = await session.addDocuments(options.docs);
    console.log(`  ${session.connections} clients connected and synced in ${(setupMs / 1000).toFixed(1)} s`);

    let generatorPeak = 0;
    const sampler = setInterval(() => {
      for (const g of session.generators) generatorPeak = Math.max(generatorPeak, rssMiB(g.pid));
    }, 500);
    const startAt = clock() + 1000;
    const from = startAt + options.warmup * 1000;
    const until = from + options.seconds * 1000;
    session.start(startAt);
    console.log(`  warmup ${options.warmup} s, then measuring ${options.seconds} s…`);
    const results = Promise.all(session.generators.map((g) => g.measure(from, until, options.drain * 1000, true)));
    const usage = await sampleWindow(session.processes, from, until);
    const stats = windowStats(await results, options.seconds);
    clearInterval(sampler);
    const server = {
      peakRssMiB: session.serverPeakRssMiB(),
      rssAtStartMiB: rssAtStart,
      rssAtEndMiB: session.serverRssMiB(),
      dataDirMiB: session.server.dataDir ? (await dirBytes(session.server.dataDir)) / 1024 / 1024 : null,
    };
    return {
      ...stats,
      target,
      description: describeTarget(target),
      setupMs,
      usage,
      server,
      generatorPeakRssMiB: generatorPeak,
    };
  } finally {
    await session.close();
  }
}

export function printEdits(results: readonly EditsResult[], options: BenchOptions): void {
  const fmt = (n: number | null, digits = 1) => (n !== null && Number.isFinite(n) ? n.toFixed(digits) : "–");
  const rows: [string, (r: EditsResult) => number | null, number, boolean][] = [
    ["latency p50 (ms)", (r) => r.latencyMs.p50, 1, true],
    ["latency p95 (ms)", (r) => r.latencyMs.p95, 1, true],
    ["latency p99 (ms)", (r) => r.latencyMs.p99, 1, true],
    ["latency max (ms)", (r) => r.latencyMs.max, 1, true],
    ["  p95 outside drop seconds (ms)", (r) => r.latencyOutsideDropsMs.p95, 1, true],
    ["  p99 outside drop seconds (ms)", (r) => r.latencyOutsideDropsMs.p99, 1, true],
    ["edits sent", (r) => r.sent, 0, false],
    ["deliveries expected", (r) => r.expected, 0, false],
    ["deliveries received", (r) => r.received, 0, false],
    ["stale cells after drain", (r) => r.staleCells, 0, false],
    ["server CPU (% of 1 core)", (r) => r.usage.serverCpuPercent, 1, true],
    ["  with PostgreSQL + Redis (% of 1 core)", (r) => r.usage.serverCpuPercent + r.usage.serviceCpuPercent, 1, true],
    ["server peak RSS (MiB)", (r) => r.server.peakRssMiB, 1, true],
    ["server RSS at end (MiB)", (r) => r.server.rssAtEndMiB, 1, true],
    ["loadgen CPU (% of 1 core)", (r) => r.usage.generatorCpuPercent, 1, false],
    ["loadgen loop delay p99 (ms)", (r) => r.generatorLoopDelayP99Ms, 1, false],
    ["late sends (>250 ms)", (r) => r.lateSends, 0, false],
    ["reconnects", (r) => r.disconnects, 0, false],
    ["machine CPU busy (% of 1 core)", (r) => r.usage.machineBusyPercent, 1, false],
    ["  other processes (% of 1 core)", (r) => r.usage.otherPercent, 1, false],
    ["CPU steal (% of all)", (r) => r.usage.stealPercent, 1, false],
  ];
  const shown = TARGETS.map((target) => results.find((r) => r.target === target)).filter(
    (r): r is EditsResult => r !== undefined,
  );
  // Each Karta target against each stock server that ran: ours/stock, ours/stock-leveldb, cluster/stock…
  const ratios = shown.flatMap((r) =>
    isStock(r.target) ? [] : shown.filter((s) => isStock(s.target)).map((s) => [r, s] as const),
  );
  const header = ["", ...shown.map((r) => r.target), ...ratios.map(([r, s]) => `${r.target}/${s.target}`)];
  const lines = rows.map(([label, get, digits, ratio]) => [
    label,
    ...shown.map((r) => fmt(get(r), digits)),
    ...ratios.map(([r, s]) => (ratio ? `${fmt((get(r) ?? Number.NaN) / (get(s) ?? Number.NaN), 2)}×` : "")),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((l) => (l[i] ?? "").length)));
  const render = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join("   ")
      .trimEnd();
  console.log(
    `\n${options.docs} documents × ${options.clients} clients, 1 edit per ${options.interval} ms each, ` +
      `${options.seconds} s measured after ${options.warmup} s warmup, ${options.generators} load generator process(es)`,
  );
  console.log(render(header));
  console.log(widths.map((w) => "─".repeat(w)).join("   "));
  for (const line of lines) console.log(render(line));
  console.log("");
  for (const r of results) {
    const lost = r.expected - r.received;
    if (lost !== 0) {
      console.log(
        `! ${r.target}: ${lost} deliveries missing after the drain` +
          (r.staleCells === 0 && r.disconnects > 0
            ? " (all cells converged: values overwritten while a peer was reconnecting)"
            : ""),
      );
    }
    if (r.staleCells !== 0) console.log(`! ${r.target}: ${r.staleCells} cells never converged`);
    if (r.refused !== 0) console.log(`! ${r.target}: the server refused ${r.refused} updates`);
    if (r.server.dataDirMiB !== null) console.log(`${r.target}: data directory ${fmt(r.server.dataDirMiB, 2)} MiB`);
    const worst = [...r.timeline]
      .filter((t) => t.samples > 0)
      .sort((a, b) => b.p99 - a.p99)
      .slice(0, 3)
      .map((t) => `${t.second} s: p99 ${fmt(t.p99)} ms`);
    console.log(`${r.target}: slowest seconds of the window: ${worst.join(", ")}`);
    if (r.usage.otherPercent > NOISY_OTHER_PERCENT) {
      console.log(
        `! ${r.target}: other processes used ${fmt(r.usage.otherPercent)}% of a core during the window: ` +
          "the figures are disturbed, rerun on a quiet machine",
      );
    }
    const drops = Object.entries(r.disconnectsBySecond).map(([second, n]) => `${n} at ${second} s`);
    if (drops.length) console.log(`${r.target}: websocket drops (s after window start): ${drops.join(", ")}`);
    const saturated = generatorSaturation(r);
    if (saturated) console.log(saturationWarning(r.target, saturated));
  }
}
