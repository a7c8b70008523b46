/**
 * `npm run bench:export`: how long the export of a big roadmap takes. A
 * municipal roadmap of 10,000 rows (the seed's row texts, each numbered) is read
 * into the model (as the server does per request), then written to XLSX (goal: under 2 s) and to CSV;
 * medians of 5 runs, in-process. See docs/benchmarks.md.
 */
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { KartaDocument } from "@karta/doc";
import { exportModelOf, toCsv, toXlsx } from "@karta/export";
import { municipalRoadmap } from "@karta/schema";
import * as Y from "yjs";
import { slavyanskRoadmapRows } from "../../server/src/demo/slavyanskRoadmap.ts";

const RUNS = 5;
const ROWS = 10_000;
const GOAL_MS = 2_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function time(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export interface ExportBenchResult {
  readonly rows: number;
  readonly modelMs: number;
  readonly xlsxMs: number;
  readonly xlsxKiB: number;
  readonly csvMs: number;
}

/** Medians of RUNS exports of a 10,000-row roadmap: the model, then XLSX and CSV from it. */
export async function measureExport(): Promise<ExportBenchResult> {
  const doc = KartaDocument.create(new Y.Doc(), municipalRoadmap);
  doc.table("measures").insertRows(
    0,
    Array.from({ length: ROWS }, (_, i) => {
      const row = slavyanskRoadmapRows[i % slavyanskRoadmapRows.length];
      // Each row's text its own, so that the workbook's shared strings cannot fold them.
      return { ...row, measure: `${row?.measure ?? ""} (${i + 1})` };
    }),
  );
  const info = {
    title: "Дорожная карта по методическому сопровождению ШНОР на 2022 год",
    authority: "начальника управления образования администрации муниципального образования Славянский район",
    order: { number: "156", date: "2022-01-21" },
  };
  const model: number[] = [];
  const xlsx: number[] = [];
  const csv: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    // A fresh handle, as the server opens one per request: the rows are read from Yjs each time.
    const fresh = KartaDocument.open(doc.ydoc) ?? doc;
    let built = exportModelOf(doc, info);
    model.push(await time(() => (built = exportModelOf(fresh, info))));
    xlsx.push(await time(async () => (bytes = (await toXlsx(built)).byteLength)));
    csv.push(await time(() => toCsv(built)));
  }
  return {
    rows: ROWS,
    modelMs: median(model),
    xlsxMs: median(xlsx),
    xlsxKiB: Math.round(bytes / 1024),
    csvMs: median(csv),
  };
}

export function formatExportResult(r: ExportBenchResult): string {
  return [
    `Export of a ${r.rows}-row roadmap, medians of ${RUNS} runs:`,
    `  model ${r.modelMs.toFixed(0)} ms   XLSX ${r.xlsxMs.toFixed(0)} ms (${r.xlsxKiB} KiB)   CSV ${r.csvMs.toFixed(0)} ms`,
    r.xlsxMs < GOAL_MS ? `  XLSX under the goal of ${GOAL_MS} ms` : `  XLSX OVER the goal of ${GOAL_MS} ms`,
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`node ${process.version}`);
  console.log(formatExportResult(await measureExport()));
}
