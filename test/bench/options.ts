/**
 * Command-line options of `npm run bench` and its modes. The root scripts are
 * `npm run bench -w @karta/test --` and the like: their trailing `--` hands
 * the flags of `npm run bench -- --docs 5` on to this script instead of the
 * inner npm.
 */
import { type CpuPlacement, cpuPlacement } from "./cpuPlacement.ts";

/**
 * ours: one Karta instance on SQLite; cluster: two on PostgreSQL + Redis, clients split between them;
 * stock: @y/websocket-server in memory; stock-leveldb: the same with its own persistence (YPERSISTENCE, y-leveldb).
 */
export type Target = "ours" | "cluster" | "stock" | "stock-leveldb";

/** Every target, in the order results are shown. */
export const TARGETS: readonly Target[] = ["ours", "cluster", "stock", "stock-leveldb"];

/** Names for several targets at once, run in this order. */
const TARGET_GROUPS: Readonly<Record<string, readonly Target[]>> = {
  both: ["ours", "stock"],
  all: ["ours", "cluster", "stock"],
  durable: ["ours", "stock", "stock-leveldb"],
};

/** The stock server (in memory or on LevelDB): no accounts, no documents to create, the template stamped by a client. */
export const isStock = (target: Target): boolean => target === "stock" || target === "stock-leveldb";

/**
 * edits: ours and stock side by side under people's typing (docs/benchmarks.md);
 * capacity: connections added step by step until latency gives;
 * throughput: acknowledged durable appends per second (ours only).
 */
export type Mode = "edits" | "capacity" | "throughput";

export interface BenchOptions {
  readonly mode: Mode;
  /** Documents (rooms); in the capacity mode they follow from the steps. */
  readonly docs: number;
  /** Clients per document. */
  readonly clients: number;
  /** Measured window, seconds (in the capacity mode: of each step). */
  readonly seconds: number;
  /** Editing before the measured window, seconds (in the capacity mode: after each step's connections). */
  readonly warmup: number;
  /** Load generator processes; documents are split between them. */
  readonly generators: number;
  /** Longest wait for late deliveries after the window, seconds. */
  readonly drain: number;
  /** Milliseconds between two edits of one client (edits and capacity modes). */
  readonly interval: number;
  /** Throughput mode: edits a client keeps unacknowledged at once. */
  readonly window: number;
  /** Capacity mode: total connections held at each step. */
  readonly steps: readonly number[];
  /** Servers to run, in this order. */
  readonly targets: readonly Target[];
  /** Rebuild our server even if server/dist/main.js exists. */
  readonly build: boolean;
  /** `--pin`: the server alone on CPU 0, the load generators on the others (cpuPlacement.ts); null: anywhere. */
  readonly placement: CpuPlacement | null;
  /** Where to write the JSON result; default a file under the OS temp dir. */
  readonly out: string | null;
}

const NUMERIC = ["docs", "clients", "seconds", "warmup", "generators", "drain", "interval", "window"] as const;
type NumericOption = (typeof NUMERIC)[number];

const DEFAULTS: Record<Mode, Record<Exclude<NumericOption, "generators">, number> & { steps: string }> = {
  edits: { docs: 50, clients: 10, seconds: 60, warmup: 10, drain: 10, interval: 1000, window: 1, steps: "" },
  capacity: {
    docs: 0,
    clients: 10,
    seconds: 20,
    warmup: 5,
    drain: 10,
    interval: 10_000,
    window: 1,
    steps: "500,1000,2000,3000,5000,7500,10000",
  },
  throughput: { docs: 200, clients: 2, seconds: 30, warmup: 5, drain: 10, interval: 0, window: 4, steps: "" },
};

/**
 * Messages a generator process is given per second (updates from peers and
 * presence renewals it receives): a raw client spends ~0.05 ms of CPU per
 * message received (2026-12-03, 2-core AMD EPYC VM: 400 clients at 1 edit/s,
 * ~4,000 messages/s, took 22 % of a core), so this keeps each process near a
 * third of a core, its event loop mostly idle and its delay out of the latencies.
 */
const MESSAGES_PER_GENERATOR = 6_000;
/** y-protocols renews each client's presence every 15 s, and the server sends it to every client of the document. */
const PRESENCE_RENEW_SECONDS = 15;

const FLAGS = new Set<string>([...NUMERIC, "mode", "steps", "target", "build", "pin", "out", "help"]);

const USAGE = `Usage: npm run bench -- [options]   (or: npm run bench -w @karta/test -- [options])
       npm run bench:capacity -- [options]   (= --mode capacity)
       npm run bench:appends -- [options]    (= --mode throughput)

  --mode M         edits | capacity | throughput           (default edits, env BENCH_MODE)
  --docs N         documents                               (edits 50, throughput 200; env BENCH_DOCS)
  --clients M      clients per document                    (edits 10, capacity 10, throughput 2; env BENCH_CLIENTS)
  --seconds S      measured window in seconds (per step)   (edits 60, capacity 20, throughput 30; env BENCH_SECONDS)
  --warmup W       editing before the window, seconds      (edits 10, capacity 5, throughput 5; env BENCH_WARMUP)
  --interval MS    ms between two edits of a client        (edits 1000, capacity 10000; env BENCH_INTERVAL)
  --window U       throughput: unacknowledged edits/client (default 4, env BENCH_WINDOW)
  --steps A,B,…    capacity: connections at each step      (default 500,1000,2000,3000,5000,7500,10000; env BENCH_STEPS)
  --generators K   load generator processes                (default: enough for the load, env BENCH_GENERATORS)
  --drain D        max wait for late deliveries, seconds   (default 10, env BENCH_DRAIN)
  --target T       ours | cluster | stock | stock-leveldb, a comma-separated list of them,
                   or both (ours,stock), all (ours,cluster,stock), durable (ours,stock,stock-leveldb)
                                                           (default both; throughput: ours; env BENCH_TARGET)
  --build          rebuild the Karta server first
  --pin            the server alone on CPU 0, the load generators on the other CPUs (taskset; env BENCH_PIN=1)
  --out FILE       JSON result path                        (default under the OS temp dir)`;

/** `--target`: a group's name, or targets separated by commas, each once. */
function parseTargets(value: string): readonly Target[] {
  const group = TARGET_GROUPS[value];
  if (group) return group;
  const named = value.split(",").map((name) => name.trim());
  const unknown = named.filter((name) => !TARGETS.includes(name as Target));
  if (unknown.length > 0 || new Set(named).size !== named.length) {
    throw new Error(
      `--target: expected ${TARGETS.join(", ")}, a comma-separated list of them, or ${Object.keys(TARGET_GROUPS).join(", ")}; got ${value}`,
    );
  }
  return named as Target[];
}

/** Parses `--name value`, `--name=value` and bare `--flag` into a map. */
function parseFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith("--")) throw new Error(`unexpected argument ${JSON.stringify(arg)}\n\n${USAGE}`);
    const eq = arg.indexOf("=");
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!FLAGS.has(name)) throw new Error(`unknown option --${name}\n\n${USAGE}`);
    if (eq >= 0) flags.set(name, arg.slice(eq + 1));
    else if (name === "build" || name === "pin" || name === "help") flags.set(name, "true");
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) throw new Error(`--${name} needs a value\n\n${USAGE}`);
      flags.set(name, value);
      i++;
    }
  }
  return flags;
}

/** Generator processes enough for the messages the clients will receive (see MESSAGES_PER_GENERATOR). */
function defaultGenerators(mode: Mode, docs: number, clients: number, interval: number, peak: number): number {
  // The acknowledged pace has no set rate: two processes, so that one loop is not the ceiling.
  if (mode === "throughput") return Math.min(2, docs);
  const perSecond = peak * ((clients - 1) * (1000 / interval) + clients / PRESENCE_RENEW_SECONDS);
  return Math.max(1, Math.min(docs, Math.ceil(perSecond / MESSAGES_PER_GENERATOR)));
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  // A bare `npm run bench -w @karta/test --docs 5` (no `--`) lets npm take `--docs` for a
  // setting of its own: the script then sees only "5" and npm_config_docs in its environment.
  const swallowed = [...FLAGS].some((name) => env[`npm_config_${name}`] !== undefined);
  if (swallowed) {
    throw new Error("npm took the options for its own settings; put `--` before them: npm run bench -- --docs 5 …");
  }
  const flags = parseFlags(argv);
  if (flags.has("help")) {
    console.log(USAGE);
    process.exit(0);
  }
  const read = (name: string) => flags.get(name) ?? env[`BENCH_${name.toUpperCase()}`];
  const mode = read("mode") ?? "edits";
  if (mode !== "edits" && mode !== "capacity" && mode !== "throughput") {
    throw new Error(`--mode: expected edits, capacity or throughput, got ${mode}`);
  }
  const defaults = DEFAULTS[mode];
  const number = (name: NumericOption, fallback: number): number => {
    const raw = read(name);
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    const min = name === "warmup" || name === "drain" ? 0 : 1;
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name}: expected an integer ≥ ${min}, got ${raw}`);
    return value;
  };
  const clients = number("clients", defaults.clients);
  const steps = (read("steps") ?? defaults.steps)
    .split(",")
    .filter(Boolean)
    .map((step) => {
      const value = Number(step);
      if (!Number.isInteger(value) || value < clients || value % clients !== 0) {
        throw new Error(`--steps: each step must be a multiple of --clients (${clients}), got ${step}`);
      }
      return value;
    });
  if (mode === "capacity" && (steps.length === 0 || steps.some((s, i) => i > 0 && s <= (steps[i - 1] as number)))) {
    throw new Error("--steps: expected increasing connection counts, e.g. 500,1000,2000");
  }
  const docs = mode === "capacity" ? (steps.at(-1) as number) / clients : number("docs", defaults.docs);
  const interval = number("interval", defaults.interval || 1000);
  const targets = parseTargets(read("target") ?? (mode === "throughput" ? "ours" : "both"));
  if (mode === "throughput" && targets.some(isStock)) {
    throw new Error("--mode throughput measures acknowledged appends: the stock server has none, use --target ours");
  }
  const peak = mode === "capacity" ? (steps.at(-1) as number) : docs * clients;
  const options: BenchOptions = {
    mode,
    docs,
    clients,
    seconds: number("seconds", defaults.seconds),
    warmup: number("warmup", defaults.warmup),
    generators: number("generators", defaultGenerators(mode, docs, clients, interval, peak)),
    drain: number("drain", defaults.drain),
    interval,
    window: number("window", defaults.window),
    steps,
    targets,
    build: flags.get("build") === "true",
    placement: cpuPlacement(flags.get("pin") === "true" || env.BENCH_PIN === "1"),
    out: flags.get("out") ?? null,
  };
  const minClients = mode === "throughput" ? 1 : 2;
  if (options.clients < minClients) throw new Error(`--clients: at least ${minClients}, or no peer sees an edit`);
  if (options.generators > options.docs) throw new Error("--generators: at most one per document");
  return options;
}
