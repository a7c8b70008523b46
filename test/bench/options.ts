/**
 * Command-line options of `npm run bench`. The root script is
 * `npm run bench -w @karta/test --`: its trailing `--` hands the flags of
 * `npm run bench -- --docs 5` on to this script instead of the inner npm.
 */

export type Target = "ours" | "stock";

export interface BenchOptions {
  /** Documents (rooms). */
  readonly docs: number;
  /** Clients per document. */
  readonly clients: number;
  /** Measured window, seconds. */
  readonly seconds: number;
  /** Editing before the measured window, seconds. */
  readonly warmup: number;
  /** Load generator processes; documents are split between them. */
  readonly generators: number;
  /** Longest wait for late deliveries after the window, seconds. */
  readonly drain: number;
  /** Servers to run, in this order. */
  readonly targets: readonly Target[];
  /** Rebuild our server even if server/dist/main.js exists. */
  readonly build: boolean;
  /** Where to write the JSON result; default a file under the OS temp dir. */
  readonly out: string | null;
}

const NUMERIC = ["docs", "clients", "seconds", "warmup", "generators", "drain"] as const;
type NumericOption = (typeof NUMERIC)[number];

const DEFAULTS: Record<NumericOption, number> = {
  docs: 50,
  clients: 10,
  seconds: 60,
  warmup: 10,
  generators: 1,
  drain: 10,
};

const FLAGS = new Set<string>([...NUMERIC, "target", "build", "out", "help"]);

export const USAGE = `Usage: npm run bench -- [options]   (or: npm run bench -w @karta/test -- [options])

  --docs N         documents                              (default 50, env BENCH_DOCS)
  --clients M      clients per document                   (default 10, env BENCH_CLIENTS)
  --seconds S      measured window in seconds             (default 60, env BENCH_SECONDS)
  --warmup W       editing before the window, seconds     (default 10, env BENCH_WARMUP)
  --generators K   load generator processes               (default 1,  env BENCH_GENERATORS)
  --drain D        max wait for late deliveries, seconds  (default 10, env BENCH_DRAIN)
  --target T       ours | stock | both                    (default both, env BENCH_TARGET)
  --build          rebuild the Karta server first
  --out FILE       JSON result path                       (default under the OS temp dir)`;

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
    else if (name === "build" || name === "help") flags.set(name, "true");
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) throw new Error(`--${name} needs a value\n\n${USAGE}`);
      flags.set(name, value);
      i++;
    }
  }
  return flags;
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

  const number = (name: NumericOption): number => {
    const raw = flags.get(name) ?? env[`BENCH_${name.toUpperCase()}`];
    if (raw === undefined || raw === "") return DEFAULTS[name];
    const value = Number(raw);
    const min = name === "warmup" || name === "drain" ? 0 : 1;
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name}: expected an integer ≥ ${min}, got ${raw}`);
    return value;
  };
  const target = flags.get("target") ?? env.BENCH_TARGET ?? "both";
  if (target !== "ours" && target !== "stock" && target !== "both") {
    throw new Error(`--target: expected ours, stock or both, got ${target}`);
  }
  const options: BenchOptions = {
    docs: number("docs"),
    clients: number("clients"),
    seconds: number("seconds"),
    warmup: number("warmup"),
    generators: number("generators"),
    drain: number("drain"),
    targets: target === "both" ? ["ours", "stock"] : [target],
    build: flags.get("build") === "true",
    out: flags.get("out") ?? null,
  };
  if (options.clients < 2) throw new Error("--clients: at least 2, or no peer sees an edit");
  if (options.generators > options.docs) throw new Error("--generators: at most one per document");
  return options;
}
