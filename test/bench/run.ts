/**
 * `npm run bench`: the same load, in turn, against the Karta server (durable
 * SQLite persistence) and the stock `@y/websocket-server` (in memory).
 *
 * For each server: start it with `node` directly (so its pid is the process
 * measured), create the documents, fork the load generator process(es), let
 * them edit through a warmup and a measured window, sample the server's CPU
 * time over the window and its peak RSS, collect the latencies, stop it.
 * Then print both side by side with the ratios ours/stock. See
 * docs/benchmarks.md.
 */
import { type ChildProcess, fork, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { randomId } from "@karta/doc";
import { formatDashboardResult, measureDashboard } from "./dashboard.ts";
import { editorTokens } from "./editors.ts";
import { formatExportResult, measureExport } from "./export.ts";
import { formatImportResult, measureImport } from "./importXlsx.ts";
import { type BenchOptions, parseOptions, type Target } from "./options.ts";
import { cpuSeconds, machineInfo, machineJiffies, peakRssMiB, rssMiB } from "./procfs.ts";
import type { LoadgenConfig, LoadgenMessage, ResultMessage, StartMessage } from "./protocol.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const oursMain = path.join(repoRoot, "server/dist/main.js");
const stockMain = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@y/websocket-server/package.json")),
  "src/server.js",
);
const loadgenScript = path.join(here, "loadgen.ts");

const clock = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Children this run started, stopped on Ctrl-C or failure. */
const children = new Set<ChildProcess>();

/** CPU (% of one core) used by unrelated processes above which a run is flagged as disturbed. */
const NOISY_OTHER_PERCENT = 10;

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

interface TargetResult {
  readonly target: Target;
  readonly description: string;
  readonly latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** Latency of the edits not sent within −1…+2 s of a second in which a websocket dropped. */
  readonly latencyOutsideDropsMs: { p50: number; p95: number; p99: number; samples: number };
  readonly samples: number;
  readonly sent: number;
  readonly expected: number;
  readonly received: number;
  readonly lateSends: number;
  readonly staleCells: number;
  readonly disconnects: number;
  /** Websocket drops by second of the run (0 = first measured second; negative = warmup). */
  readonly disconnectsBySecond: Record<string, number>;
  /** Latency of the edits sent in each measured second. */
  readonly timeline: readonly SecondStats[];
  readonly setupMs: number;
  readonly server: {
    readonly cpuPercent: number;
    /** Server CPU in each second of the measured window, % of one core. */
    readonly cpuBySecond: readonly number[];
    readonly peakRssMiB: number;
    readonly rssAtStartMiB: number;
    readonly rssAtEndMiB: number;
    readonly dataDirMiB: number | null;
  };
  readonly loadgen: { readonly cpuPercent: number; readonly peakRssMiB: number; readonly loopDelayP99Ms: number };
  readonly machine: {
    /** CPU used by every process on the machine, % of one core (2 cores = 200). */
    readonly busyPercent: number;
    /** What neither the server, the load generators nor this orchestrator used. */
    readonly otherPercent: number;
    /** Time the hypervisor gave to other guests, % of all CPU time. */
    readonly stealPercent: number;
  };
}

interface SecondStats {
  readonly second: number;
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

// ---------------------------------------------------------------- helpers

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Nearest-rank percentile of a sorted array. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

/** Latency percentiles of the edits sent in each second of the measured window. */
function timeline(results: readonly ResultMessage[], seconds: number): SecondStats[] {
  const buckets: number[][] = Array.from({ length: seconds }, () => []);
  for (const r of results) {
    for (const [i, latency] of r.latencies.entries()) {
      buckets[Math.floor((r.sentOffsets[i] as number) / 1000)]?.push(latency);
    }
  }
  return buckets.map((bucket, second) => {
    const sorted = Float64Array.from(bucket).sort();
    return {
      second,
      samples: sorted.length,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
    };
  });
}

async function dirSizeMiB(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes / 1024 / 1024;
}

/** Keeps the last lines a child wrote, to show them if it fails. */
function tail(child: ChildProcess, keep = 40): () => string {
  const lines: string[] = [];
  const add = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - keep));
  };
  child.stdout?.on("data", add);
  child.stderr?.on("data", add);
  return () => lines.join("\n");
}

/** Newest modification time of any file under `dirs`, in ms. */
function newestMtime(dirs: readonly string[]): number {
  let newest = 0;
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/** Builds server/dist when it is missing, older than its sources, or when asked to. */
function ensureOurServerBuilt(force: boolean): void {
  const sources = ["server/src", "packages/doc/src", "packages/schema/src"].map((d) => path.join(repoRoot, d));
  const stale = existsSync(oursMain) && statSync(oursMain).mtimeMs < newestMtime(sources);
  if (existsSync(oursMain) && !stale && !force) return;
  const why = force ? "--build" : stale ? "server/dist is older than its sources" : "server/dist/main.js is missing";
  console.log(`Building the Karta server (${why})…`);
  const build = spawnSync("npm", ["run", "build", "-w", "@karta/server"], { cwd: repoRoot, stdio: "inherit" });
  if (build.status !== 0 || !existsSync(oursMain)) {
    throw new Error("could not build the Karta server (npm run build -w @karta/server); try --target stock");
  }
}

// ---------------------------------------------------------------- servers

interface RunningServer {
  readonly process: ChildProcess;
  readonly pid: number;
  readonly port: number;
  readonly dataDir: string | null;
  readonly output: () => string;
}

async function startServer(target: Target): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: "127.0.0.1", PORT: String(port) };
  // The stock server persists to LevelDB if YPERSISTENCE is set and calls a
  // webhook if CALLBACK_URL is: neither, so it runs purely in memory.
  delete env.YPERSISTENCE;
  delete env.CALLBACK_URL;
  let dataDir: string | null = null;
  let script = stockMain;
  if (target === "ours") {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "karta-bench-data-"));
    // The demo data brings the accounts; the bench signs in as the demo methodist.
    Object.assign(env, { DATA_DIR: dataDir, DEMO_DATA: "1", LOG_LEVEL: "warn" });
    script = oursMain;
  }
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  const output = tail(child);
  if (child.pid === undefined) throw new Error(`could not start ${script}`);
  const server: RunningServer = { process: child, pid: child.pid, port, dataDir, output };

  const healthUrl = target === "ours" ? `http://127.0.0.1:${port}/api/health` : `http://127.0.0.1:${port}/`;
  const deadline = clock() + 30_000;
  for (;;) {
    if (hasExited(child))
      throw new Error(`${target} server exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    try {
      const response = await fetch(healthUrl);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (clock() > deadline) throw new Error(`${target} server not healthy after 30 s:\n${output()}`);
    await sleep(100);
  }
  return server;
}

async function stopServer(server: RunningServer): Promise<void> {
  if (hasExited(server.process)) return;
  const exited = new Promise<void>((resolve) => server.process.once("exit", () => resolve()));
  server.process.kill("SIGTERM");
  const killed = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
  if (!killed) {
    console.warn("  server ignored SIGTERM for 15 s: killing it");
    server.process.kill("SIGKILL");
    await exited;
  }
}

async function createDocuments(target: Target, port: number, count: number, token: string | null): Promise<string[]> {
  if (target === "stock") return Array.from({ length: count }, (_, i) => `bench-${i + 1}-${randomId(8)}`);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`http://127.0.0.1:${port}/api/documents`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ template: "municipal-roadmap", title: `bench ${i + 1}` }),
    });
    if (response.status !== 201) {
      throw new Error(`POST /api/documents answered ${response.status}: ${await response.text()}`);
    }
    const { id } = (await response.json()) as { id: string };
    ids.push(id);
  }
  return ids;
}

// ---------------------------------------------------------------- load generators

interface Generator {
  readonly process: ChildProcess;
  readonly pid: number;
  readonly ready: Promise<number>;
  readonly result: Promise<ResultMessage>;
}

function startGenerator(config: LoadgenConfig): Generator {
  const tsx = import.meta.resolve("tsx");
  const child = fork(loadgenScript, [], {
    cwd: path.resolve(here, ".."),
    execArgv: ["--import", tsx],
    serialization: "advanced",
    env: { ...process.env, BENCH_LOADGEN_CONFIG: JSON.stringify(config) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  if (child.pid === undefined) throw new Error("could not fork the load generator");
  let onReady: (setupMs: number) => void = () => {};
  let onResult: (result: ResultMessage) => void = () => {};
  let onError: (error: Error) => void = () => {};
  const ready = new Promise<number>((resolve, reject) => {
    onReady = resolve;
    onError = reject;
  });
  const result = new Promise<ResultMessage>((resolve, reject) => {
    onResult = resolve;
    const previous = onError;
    onError = (error) => {
      previous(error);
      reject(error);
    };
  });
  // A rejection nobody awaits yet must not crash the orchestrator.
  ready.catch(() => {});
  result.catch(() => {});
  child.on("message", (message: LoadgenMessage) => {
    if (message.type === "ready") onReady(message.setupMs);
    else if (message.type === "result") onResult(message);
    else if (message.type === "error") onError(new Error(`load generator ${config.generator}: ${message.message}`));
  });
  // "close" comes after the IPC channel is drained, so a result sent before exiting has arrived.
  child.on("close", (code) => onError(new Error(`load generator ${config.generator} exited with ${code}`)));
  return { process: child, pid: child.pid, ready, result };
}

// ---------------------------------------------------------------- one target

async function runTarget(target: Target, options: BenchOptions): Promise<TargetResult> {
  const description = target === "ours" ? "Karta server, SQLite persistence" : "@y/websocket-server 0.1.1, in memory";
  console.log(`\n▶ ${target}: ${description}`);
  const server = await startServer(target);
  try {
    const rssAtStart = rssMiB(server.pid);
    const tokens = target === "ours" ? await editorTokens(server.port, options.docs * options.clients) : null;
    const docIds = await createDocuments(target, server.port, options.docs, tokens?.[0] ?? null);
    const url = `ws://127.0.0.1:${server.port}/sync`;

    const generators: Generator[] = [];
    for (let g = 0; g < options.generators; g++) {
      generators.push(
        startGenerator({
          url,
          tokens:
            tokens &&
            docIds
              .map((_, i) => tokens.slice(i * options.clients, (i + 1) * options.clients))
              .filter((_, i) => i % options.generators === g),
          docIds: docIds.filter((_, i) => i % options.generators === g),
          clients: options.clients,
          generator: g,
          stampDocuments: target === "stock",
          connectConcurrency: 50,
          setupTimeoutMs: 120_000,
        }),
      );
    }
    const setupMs = Math.max(...(await Promise.all(generators.map((g) => g.ready))));
    console.log(`  ${options.docs * options.clients} clients connected and synced in ${(setupMs / 1000).toFixed(1)} s`);

    // RSS is sampled all along; /proc's VmHWM is the authoritative peak.
    let loadgenPeak = 0;
    const sampler = setInterval(() => {
      for (const g of generators) {
        try {
          loadgenPeak = Math.max(loadgenPeak, rssMiB(g.pid));
        } catch {
          // already exited after reporting
        }
      }
    }, 500);

    const startAt = clock() + 1000;
    const measureFrom = startAt + options.warmup * 1000;
    const measureUntil = measureFrom + options.seconds * 1000;
    const start: StartMessage = { type: "start", startAt, measureFrom, measureUntil, drainMs: options.drain * 1000 };
    for (const g of generators) g.process.send(start);
    console.log(`  warmup ${options.warmup} s, then measuring ${options.seconds} s…`);

    const pids = [server.pid, ...generators.map((g) => g.pid)];
    const cpuAt = () => ({
      cpu: pids.map(cpuSeconds),
      self: process.cpuUsage(),
      machine: machineJiffies(),
      at: clock(),
    });
    await sleep(measureFrom - clock());
    const before = cpuAt();
    // Per-second server CPU, to line spikes up with the latency timeline.
    const serverCpuBySecond: number[] = [];
    let previous = before;
    for (let second = 1; second <= options.seconds; second++) {
      await sleep(measureFrom + second * 1000 - clock());
      const now = cpuAt();
      const elapsed = (now.at - previous.at) / 1000;
      serverCpuBySecond.push((((now.cpu[0] as number) - (previous.cpu[0] as number)) / elapsed) * 100);
      previous = now;
    }
    const after = previous;
    const results = await Promise.all(generators.map((g) => g.result));
    clearInterval(sampler);

    const serverPeak = peakRssMiB(server.pid);
    const rssAtEnd = rssMiB(server.pid);
    const window = (after.at - before.at) / 1000;
    const cpuPercent = (i: number) => (((after.cpu[i] as number) - (before.cpu[i] as number)) / window) * 100;
    const loadgenCpu = generators.reduce((sum, _, i) => sum + cpuPercent(i + 1), 0);
    const jiffies = after.machine.total - before.machine.total;
    const cores = os.availableParallelism();
    const machineBusy = ((after.machine.busy - before.machine.busy) / jiffies) * 100 * cores;
    const steal = ((after.machine.steal - before.machine.steal) / jiffies) * 100;
    const selfCpu = (after.self.user - before.self.user + after.self.system - before.self.system) / 1e6;

    await Promise.all(
      generators.map((g) => (hasExited(g.process) ? null : new Promise((resolve) => g.process.once("exit", resolve)))),
    );
    await stopServer(server);
    const dataDirMiB = server.dataDir ? await dirSizeMiB(server.dataDir) : null;

    const all = new Float64Array(results.reduce((n, r) => n + r.latencies.length, 0));
    let offset = 0;
    for (const r of results) {
      all.set(r.latencies, offset);
      offset += r.latencies.length;
    }
    all.sort();
    const sum = (key: "sent" | "expected" | "received" | "lateSends" | "staleCells") =>
      results.reduce((n, r) => n + r[key], 0);
    const disconnectsBySecond: Record<string, number> = {};
    for (const r of results) {
      for (const at of r.disconnects) {
        const second = String(Math.floor(at / 1000));
        disconnectsBySecond[second] = (disconnectsBySecond[second] ?? 0) + 1;
      }
    }
    // The same percentiles without the edits sent from 1 s before to 2 s after
    // a second in which a websocket dropped: what the load costs when no
    // client is reconnecting. Equal to the above when nothing dropped.
    const dropSeconds = Object.keys(disconnectsBySecond).map(Number);
    const calm: number[] = [];
    for (const r of results) {
      for (const [i, latency] of r.latencies.entries()) {
        const second = Math.floor((r.sentOffsets[i] as number) / 1000);
        if (!dropSeconds.some((d) => second >= d - 1 && second <= d + 2)) calm.push(latency);
      }
    }
    const calmSorted = Float64Array.from(calm).sort();
    return {
      target,
      description,
      latencyOutsideDropsMs: {
        p50: percentile(calmSorted, 50),
        p95: percentile(calmSorted, 95),
        p99: percentile(calmSorted, 99),
        samples: calmSorted.length,
      },
      latencyMs: {
        p50: percentile(all, 50),
        p95: percentile(all, 95),
        p99: percentile(all, 99),
        max: all.length ? (all[all.length - 1] as number) : Number.NaN,
        mean: all.reduce((a, b) => a + b, 0) / all.length,
      },
      samples: all.length,
      sent: sum("sent"),
      expected: sum("expected"),
      received: sum("received"),
      lateSends: sum("lateSends"),
      staleCells: sum("staleCells"),
      disconnects: results.reduce((n, r) => n + r.disconnects.length, 0),
      disconnectsBySecond,
      timeline: timeline(results, options.seconds),
      setupMs,
      server: {
        cpuPercent: cpuPercent(0),
        cpuBySecond: serverCpuBySecond.map((v) => Math.round(v * 10) / 10),
        peakRssMiB: serverPeak,
        rssAtStartMiB: rssAtStart,
        rssAtEndMiB: rssAtEnd,
        dataDirMiB,
      },
      loadgen: {
        cpuPercent: loadgenCpu,
        peakRssMiB: loadgenPeak,
        loopDelayP99Ms: Math.max(...results.map((r) => r.loopDelay.p99)),
      },
      machine: {
        busyPercent: machineBusy,
        otherPercent: machineBusy - cpuPercent(0) - loadgenCpu - (selfCpu / window) * 100,
        stealPercent: steal,
      },
    };
  } finally {
    await stopServer(server);
    if (server.dataDir) rmSync(server.dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- report

function printTable(results: readonly TargetResult[], options: BenchOptions): void {
  const ours = results.find((r) => r.target === "ours");
  const stock = results.find((r) => r.target === "stock");
  const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
  const rows: [string, (r: TargetResult) => number, number, boolean][] = [
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
    ["server CPU (% of 1 core)", (r) => r.server.cpuPercent, 1, true],
    ["server peak RSS (MiB)", (r) => r.server.peakRssMiB, 1, true],
    ["server RSS at end (MiB)", (r) => r.server.rssAtEndMiB, 1, true],
    ["loadgen CPU (% of 1 core)", (r) => r.loadgen.cpuPercent, 1, false],
    ["loadgen loop delay p99 (ms)", (r) => r.loadgen.loopDelayP99Ms, 1, false],
    ["late sends (>250 ms)", (r) => r.lateSends, 0, false],
    ["reconnects", (r) => r.disconnects, 0, false],
    ["machine CPU busy (% of 1 core)", (r) => r.machine.busyPercent, 1, false],
    ["  other processes (% of 1 core)", (r) => r.machine.otherPercent, 1, false],
    ["CPU steal (% of all)", (r) => r.machine.stealPercent, 1, false],
  ];
  const header = ["", ours ? "ours" : null, stock ? "stock" : null, ours && stock ? "ours/stock" : null].filter(
    (h): h is string => h !== null,
  );
  const lines = rows.map(([label, get, digits, ratio]) => {
    const cells = [label];
    if (ours) cells.push(fmt(get(ours), digits));
    if (stock) cells.push(fmt(get(stock), digits));
    if (ours && stock) cells.push(ratio ? `${fmt(get(ours) / get(stock), 2)}×` : "");
    return cells;
  });
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((l) => (l[i] ?? "").length)));
  const render = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join("   ")
      .trimEnd();
  console.log(
    `\n${options.docs} documents × ${options.clients} clients, 1 edit/s each, ` +
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
    if (r.server.dataDirMiB !== null) console.log(`${r.target}: data directory ${fmt(r.server.dataDirMiB, 2)} MiB`);
    const worst = [...r.timeline]
      .filter((t) => t.samples > 0)
      .sort((a, b) => b.p99 - a.p99)
      .slice(0, 3)
      .map((t) => `${t.second} s: p99 ${fmt(t.p99)} ms`);
    console.log(`${r.target}: slowest seconds of the window: ${worst.join(", ")}`);
    if (r.machine.otherPercent > NOISY_OTHER_PERCENT) {
      console.log(
        `! ${r.target}: other processes used ${fmt(r.machine.otherPercent)}% of a core during the window: ` +
          "the figures are disturbed, rerun on a quiet machine",
      );
    }
    if (r.lateSends > 0) console.log(`! ${r.target}: ${r.lateSends} edits went out >250 ms late: the generator lagged`);
    const drops = Object.entries(r.disconnectsBySecond).map(([second, n]) => `${n} at ${second} s`);
    if (drops.length) console.log(`${r.target}: websocket drops (s after window start): ${drops.join(", ")}`);
  }
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const machine = machineInfo();
  console.log(
    `Karta bench: ${machine.cpuModel}, ${machine.cpus} CPUs, ${machine.memoryGiB} GiB, ` +
      `${machine.os}, Node ${machine.node}`,
  );
  if (options.targets.includes("ours")) ensureOurServerBuilt(options.build);

  // Before any server starts: exports and imports are in-process work (layout; reading, checking, one transaction).
  const exportResult = await measureExport();
  console.log(formatExportResult(exportResult));
  const importResult = await measureImport();
  console.log(formatImportResult(importResult));
  const dashboardResult = await measureDashboard();
  console.log(`${formatDashboardResult(dashboardResult)}\n`);

  const results: TargetResult[] = [];
  for (const [i, target] of options.targets.entries()) {
    if (i > 0) await sleep(3000); // let the previous run's sockets and CPU settle
    results.push(await runTarget(target, options));
  }
  printTable(results, options);

  const out =
    options.out ??
    path.join(os.tmpdir(), `karta-bench-${new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19)}.json`);
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        options,
        export: exportResult,
        import: importResult,
        dashboard: dashboardResult,
        results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nJSON result: ${out}`);
}

function stopChildren(): void {
  for (const child of children) child.kill("SIGKILL");
}

process.on("SIGINT", () => {
  stopChildren();
  process.exit(130);
});

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopChildren();
  process.exit(1);
});
