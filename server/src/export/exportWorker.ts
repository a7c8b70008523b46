import { parentPort } from "node:worker_threads";
import { toXlsxWorkbook } from "@karta/export";
import { EXPORT_FORMATS } from "./exportFormats.ts";
import type { ExportJob, ExportJobResult } from "./exportJobs.ts";

/**
 * The export writers' thread: laying out a big document takes seconds (a
 * 10,000-row roadmap: 10 s as DOCX, 14 s as PDF), which on the main thread
 * would stall every socket of every document. Jobs come one at a time.
 */
const port = parentPort;
if (!port) throw new Error("exportWorker runs as a worker thread");

port.on("message", async (job: ExportJob) => {
  let result: ExportJobResult;
  try {
    const bytes =
      job.kind === "workbook"
        ? await toXlsxWorkbook(job.entries)
        : await EXPORT_FORMATS[job.format].write(job.document);
    result = { id: job.id, bytes };
  } catch (error) {
    result = { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  // Copied, not transferred: a small Buffer may be a view of Node's shared pool.
  port.postMessage(result);
});
