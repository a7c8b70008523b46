import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { WAL_CHECKPOINT_EVERY_MS } from "../limits.ts";

/**
 * The checkpointer's thread (walCheckpointer.ts): its own connection to the
 * database, copying the WAL into the database file every
 * WAL_CHECKPOINT_EVERY_MS, PASSIVE so that it never waits for or blocks a
 * writer. The copy and its fsync happen here, not on the thread that serves
 * every socket.
 */
const port = parentPort;
if (!port) throw new Error("walCheckpointWorker runs as a worker thread");
const db = new Database((workerData as { file: string }).file);
db.pragma("busy_timeout = 1000");
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}, WAL_CHECKPOINT_EVERY_MS);
port.on("message", (message: unknown) => {
  if (message !== "close") return;
  clearInterval(timer);
  db.close();
  port.close();
});
