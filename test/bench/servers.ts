/**
 * The servers under test, started exactly as docs/benchmarks.md says: `node
 * <script>` directly (so the pid measured is the server, not an npm or tsx
 * wrapper), on a fresh free port. Ours gets a fresh temporary DATA_DIR and
 * DEMO_DATA=0 (its accounts are made by editors.ts); stock keeps documents in
 * memory, stock-leveldb stores every update in a fresh LevelDB (its own
 * YPERSISTENCE).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { randomId } from "@karta/doc";
import { createTestSchema, testDatabaseUrlFor } from "../../server/src/storage/postgres/testPostgres.ts";
import { onCpus } from "./cpuPlacement.ts";
import { isStock, type Target } from "./options.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const oursMain = path.join(repoRoot, "server/dist/main.js");
export const adminScript = path.join(repoRoot, "server/dist/admin.js");
const stockMain = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@y/websocket-server/package.json")),
  "src/server.js",
);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Children the bench started, killed on Ctrl-C or failure. */
export const children = new Set<ChildProcess>();

export const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

export const describeTarget = (target: Target) =>
  target === "ours"
    ? "Karta server, SQLite persistence"
    : target === "cluster"
      ? "two Karta instances on PostgreSQL + Redis, each document's clients split between them"
      : target === "stock-leveldb"
        ? "@y/websocket-server 0.1.1, every update stored in LevelDB (YPERSISTENCE)"
        : "@y/websocket-server 0.1.1, in memory";

/** Redis for the cluster target: the machine's own. */
const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

export interface RunningServer {
  readonly target: Target;
  readonly process: ChildProcess;
  readonly pid: number;
  readonly port: number;
  readonly dataDir: string | null;
  readonly output: () => string;
  /** The other instances (cluster): the same deployment, measured together with this one. */
  readonly peers: readonly RunningServer[];
  /** What the admin command needs besides DATA_DIR to reach the same database (cluster: DATABASE_URL). */
  readonly adminEnv: Readonly<Record<string, string>>;
  /** Removes what the run made outside DATA_DIR (the cluster's PostgreSQL schema). */
  readonly cleanUp: () => Promise<void>;
}

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
export function ensureOurServerBuilt(force: boolean): void {
  const sources = ["server/src", "packages/doc/src", "packages/schema/src"].map((d) => path.join(repoRoot, d));
  const built = existsSync(oursMain) && existsSync(adminScript);
  const stale = built && statSync(oursMain).mtimeMs < newestMtime(sources);
  if (built && !stale && !force) return;
  const why = force ? "--build" : stale ? "server/dist is older than its sources" : "server/dist is missing";
  console.log(`Building the Karta server (${why})…`);
  const build = spawnSync("npm", ["run", "build", "-w", "@karta/server"], { cwd: repoRoot, stdio: "inherit" });
  if (build.status !== 0 || !existsSync(oursMain)) {
    throw new Error("could not build the Karta server (npm run build -w @karta/server); try --target stock");
  }
}

/** `cpus`: where its processes run (`taskset -c`, see cpuPlacement.ts), or anywhere. */
export async function startServer(target: Target, cpus?: string): Promise<RunningServer> {
  if (target !== "cluster") return startProcess(target, {}, cpus);
  // A schema of its own in the machine's PostgreSQL (KARTA_TEST_DATABASE_URL), dropped after the run.
  const schema = await createTestSchema();
  const env = { DATABASE_URL: testDatabaseUrlFor(schema.schema), REDIS_URL: BENCH_REDIS_URL };
  try {
    const first = await startProcess("cluster", env, cpus);
    const second = await startProcess("cluster", env, cpus);
    return { ...first, peers: [second], cleanUp: () => schema.drop() };
  } catch (error) {
    await schema.drop();
    throw error;
  }
}

async function startProcess(target: Target, extraEnv: Record<string, string>, cpus?: string): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: "127.0.0.1", PORT: String(port), ...extraEnv };
  // The stock server persists to LevelDB if YPERSISTENCE is set and calls a
  // webhook if CALLBACK_URL is: no webhook; LevelDB only for stock-leveldb, in a directory of its own.
  delete env.YPERSISTENCE;
  delete env.CALLBACK_URL;
  let dataDir: string | null = null;
  let script = stockMain;
  if (target === "stock-leveldb") {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "karta-bench-leveldb-"));
    env.YPERSISTENCE = dataDir;
  } else if (!isStock(target)) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "karta-bench-data-"));
    Object.assign(env, { DATA_DIR: dataDir, DEMO_DATA: "0", LOG_LEVEL: "warn" });
    script = oursMain;
  }
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const [command, args] = onCpus(cpus, process.execPath, [...nodeArgs, script]);
  const child = spawn(command, args, {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  const output = tail(child);
  if (child.pid === undefined) throw new Error(`could not start ${script}`);
  const server: RunningServer = {
    target,
    process: child,
    pid: child.pid,
    port,
    dataDir,
    output,
    peers: [],
    adminEnv: extraEnv,
    cleanUp: async () => {},
  };

  const healthUrl = isStock(target) ? `http://127.0.0.1:${port}/` : `http://127.0.0.1:${port}/api/health`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (hasExited(child))
      throw new Error(`${target} server exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    try {
      if ((await fetch(healthUrl)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${target} server not healthy after 30 s:\n${output()}`);
    await sleep(100);
  }
  return server;
}

/** Stops the server (and its other instances) and removes what it stored. */
export async function stopServer(server: RunningServer): Promise<void> {
  await Promise.all([stopProcess(server), ...server.peers.map(stopProcess)]);
  await server.cleanUp();
}

async function stopProcess(server: RunningServer): Promise<void> {
  if (!hasExited(server.process)) {
    const exited = new Promise<void>((resolve) => server.process.once("exit", () => resolve()));
    server.process.kill("SIGTERM");
    const killed = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
    if (!killed) {
      console.warn("  server ignored SIGTERM for 15 s: killing it");
      server.process.kill("SIGKILL");
      await exited;
    }
  }
  if (server.dataDir) rmSync(server.dataDir, { recursive: true, force: true });
}

/** New documents: made by `POST /api/documents` on ours; on stock (any room goes) new room names. */
export async function createDocuments(server: RunningServer, count: number, session: string | null): Promise<string[]> {
  if (isStock(server.target)) return Array.from({ length: count }, (_, i) => `bench-${i + 1}-${randomId(8)}`);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/documents`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${session}` },
      body: JSON.stringify({ template: "municipal-roadmap", title: `bench ${randomId(6)}` }),
    });
    if (response.status !== 201)
      throw new Error(`POST /api/documents answered ${response.status}: ${await response.text()}`);
    ids.push(((await response.json()) as { id: string }).id);
  }
  return ids;
}

/** Sizes of the files under `dir`, in bytes; the SQLite WAL and its index included. */
export async function dirBytes(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

/** The soft limit of open files of a running process (`Max open files` of /proc/<pid>/limits). */
export function openFilesLimit(pid: number): number {
  const line = /^Max open files\s+(\S+)/m.exec(readFileSync(`/proc/${pid}/limits`, "utf8"));
  return line?.[1] === "unlimited" ? Number.POSITIVE_INFINITY : Number(line?.[1]);
}

export function stopChildren(): void {
  for (const child of children) child.kill("SIGKILL");
}
