import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const serverEntry = path.join(repoRoot, "server/dist/main.js");
/** The administrator's command (npm run admin). */
export const adminEntry = path.join(repoRoot, "server/dist/admin.js");

export interface ServerProcess {
  readonly port: number;
  readonly dataDir: string;
  readonly httpUrl: string;
  readonly syncUrl: string;
  readonly child: ChildProcess;
  output(): string;
  /** SIGKILL: no flush, no goodbye, as in a crash. */
  kill(): Promise<void>;
  /** SIGTERM: the clean shutdown path. */
  stop(): Promise<number | null>;
}

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "karta-it-"));
}

/**
 * Starts the built server as a real process on a free port (PORT=0; the port
 * is read from its first line of output) with its own SQLite directory.
 */
export async function startServerProcess(
  options: {
    dataDir?: string;
    env?: Record<string, string>;
    nodeArgs?: readonly string[];
    /** Another build of the server (a benchmark's baseline); this checkout's by default. */
    entry?: string;
  } = {},
): Promise<ServerProcess> {
  const entry = options.entry ?? serverEntry;
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  const dataDir = options.dataDir ?? makeDataDir();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), entry], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15_000);
    const onData = () => {
      const match = /running at http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on("data", onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening:\n${output}`));
    });
  });
  return {
    port,
    dataDir,
    httpUrl: `http://127.0.0.1:${port}`,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    child,
    output: () => output,
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
