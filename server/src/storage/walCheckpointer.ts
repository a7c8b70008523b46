import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";
import { WAL_AUTOCHECKPOINT_PAGES } from "../limits.ts";
import type { Logger } from "../log.ts";

/**
 * Moves SQLite's WAL checkpoints off the main thread. By default the
 * connection that commits is the one that, every 1,000 pages, copies the WAL
 * into the database file and fsyncs it: under load that was most of the
 * time spent committing, on the thread that serves every socket. Here a worker
 * thread with its own connection checkpoints a few times a second; the main
 * connection checkpoints itself only if the WAL grows past
 * WAL_AUTOCHECKPOINT_PAGES (the worker died, or a reader holds it back).
 * Durability is SQLite's own: a commit is in the WAL whoever copies it later.
 */
export class WalCheckpointer {
  private constructor(private readonly worker: Worker) {}

  static start(db: Database.Database, log: Logger): WalCheckpointer {
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    // Built: dist/walCheckpointWorker.js beside dist/main.js. From source (tsx): the .ts, through tsx's loader.
    const worker = import.meta.url.endsWith(".ts")
      ? new Worker(
          `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(
            new URL("./walCheckpointWorker.ts", import.meta.url).href,
          )}); });`,
          { eval: true, workerData: { file: db.name } },
        )
      : new Worker(new URL("./walCheckpointWorker.js", import.meta.url), { workerData: { file: db.name } });
    worker.unref();
    worker.on("message", (message: { error?: string }) => {
      if (message.error) log.warn({ reason: message.error }, "a WAL checkpoint failed; the next one will retry");
    });
    worker.on("error", (error) => log.error({ err: error }, "the WAL checkpointer stopped; SQLite checkpoints itself"));
    return new WalCheckpointer(worker);
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.worker.once("exit", resolve));
    this.worker.postMessage("close");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    await this.worker.terminate();
  }
}
