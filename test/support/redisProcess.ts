import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import net from "node:net";

/**
 * A Redis server of a test's own (Debian's redis-server on a free port, keeping
 * nothing on disk), so that a test can stop and restart it without disturbing
 * anything else that uses the machine's Redis.
 */
export interface RedisProcess {
  readonly url: string;
  stop(): Promise<void>;
  /** Starts it again on the same port (what it held is gone: pub/sub keeps nothing). */
  restart(): Promise<void>;
}

/** Why a private Redis cannot be started here, or null. */
export const redisServerMissing: string | null =
  spawnSync("redis-server", ["--version"]).status === 0
    ? null
    : "redis-server is not installed (apt-get install -y redis-server)";

export async function startRedisProcess(): Promise<RedisProcess> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const launch = async () => {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    await waitForPort(port);
  };
  await launch();
  const stop = async () => {
    const running = child;
    // A process killed by a signal has a signalCode and no exitCode.
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    stop,
    async restart() {
      await stop();
      await launch();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: "127.0.0.1", port });
      socket.once("connect", () => {
        socket.end();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() - start > timeoutMs) throw new Error(`redis-server did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
