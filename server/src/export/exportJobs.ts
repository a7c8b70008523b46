import { Worker } from "node:worker_threads";
import type { ExportDocument, WorkbookEntry } from "@karta/export";
import type { ExportFormat } from "./exportFormats.ts";

/** What the export thread is asked to write. */
export type ExportJob =
  | { readonly id: number; readonly kind: "document"; readonly format: ExportFormat; readonly document: ExportDocument }
  | { readonly id: number; readonly kind: "workbook"; readonly entries: readonly WorkbookEntry[] };

export type ExportJobResult =
  | { readonly id: number; readonly bytes: Uint8Array }
  | { readonly id: number; readonly error: string };

/** Thrown when more exports wait than `maxWaiting`: the route answers 503. */
export class ExportsBusyError extends Error {}

type Pending = { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void };
type JobInput =
  | { readonly kind: "document"; readonly format: ExportFormat; readonly document: ExportDocument }
  | { readonly kind: "workbook"; readonly entries: readonly WorkbookEntry[] };

/**
 * Writes exports on one worker thread (the machine has two cores; the other
 * serves the documents), one job at a time in the order asked, at most
 * `maxWaiting` waiting. The thread starts on the first export, is restarted
 * after a crash, and never keeps the process alive.
 */
export class ExportJobs {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly maxWaiting = 8) {}

  write(input: JobInput): Promise<Uint8Array> {
    if (this.pending.size > this.maxWaiting) return Promise.reject(new ExportsBusyError("too many exports waiting"));
    const id = this.nextId++;
    const job = { id, ...input } as ExportJob;
    return new Promise<Uint8Array>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        this.thread().postMessage(job);
      } catch (error) {
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Stops the thread; what was waiting fails. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error("exports closed"));
    await worker?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    // Built: dist/exportWorker.js beside dist/main.js. From source (tsx, vitest): the .ts beside
    // this file, loaded through tsx's loader registered in the thread first.
    const worker = import.meta.url.endsWith(".ts")
      ? new Worker(
          `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(
            new URL("./exportWorker.ts", import.meta.url).href,
          )}); });`,
          { eval: true },
        )
      : new Worker(new URL("./exportWorker.js", import.meta.url));
    worker.unref();
    worker.on("message", (result: ExportJobResult) => {
      const pending = this.pending.get(result.id);
      if (!pending) return;
      this.pending.delete(result.id);
      if ("bytes" in result) pending.resolve(result.bytes);
      else pending.reject(new Error(`export failed: ${result.error}`));
    });
    const lost = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(error);
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`the export thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
