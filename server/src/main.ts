import path from "node:path";
import { ConfigError, loadConfig } from "./config.ts";
import { startServer } from "./createServer.ts";
import { seedDemo } from "./demo/seedDemo.ts";
import { EvidenceFiles } from "./evidence/EvidenceFiles.ts";
import { createLogger } from "./log.ts";
import { RedisFanout } from "./scaleout/RedisFanout.ts";
import { openStores } from "./storage/openStores.ts";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);
  // PostgreSQL with DATABASE_URL, else SQLite under DATA_DIR; evidence files are on disk either way.
  const stores = await openStores(config, log);
  const { documents: store, directory } = stores;
  const evidence = {
    store: stores.evidence,
    files: new EvidenceFiles(path.resolve(config.DATA_DIR, "evidence")),
  };
  // Instances started together on an empty database: one seeds, the others find it seeded.
  if (config.DEMO_DATA && (await stores.exclusively("demo-seed", () => seedDemo(store, directory, evidence))))
    log.info("seeded the demo municipality and accounts");
  if ((await directory.countAccounts()) === 0) {
    log.warn(
      "there are no accounts: nobody can sign in. Create the first coordinator with `npm run admin -- create-coordinator` (see README), or start with DEMO_DATA=1 on an empty data directory for the demo accounts",
    );
  }
  const fanout = config.REDIS_URL ? new RedisFanout(config.REDIS_URL, log) : null;
  if (fanout) log.info({ instanceId: fanout.instanceId }, "one of several instances: fan-out over Redis");
  const server = await startServer(config, store, directory, log, evidence, fanout);
  log.info({ port: server.port, dataDir: path.resolve(config.DATA_DIR), database: stores.kind }, "listening");
  process.stdout.write(`Karta is running at http://localhost:${server.port}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: flushing documents");
    await server.close();
    await fanout?.close();
    await stores.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(`Karta failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
