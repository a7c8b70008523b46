/**
 * The import of 10,000 rows from XLSX, as the app does it: read the file
 * (exceljs), plan it (header, mapping, every cell through the one parser),
 * write the rows into a roadmap's Y.Doc in one transaction, and the size of
 * the update that carries them (what the server must accept as one message).
 * Medians of 5 runs. Run by `npm run bench` before the servers' load, and
 * alone by `npm run bench:import`. See docs/benchmarks.md.
 */
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { KartaDocument } from "@karta/doc";
import {
  applyImport,
  findHeaderRow,
  MAX_IMPORT_BYTES,
  planImport,
  readSpreadsheet,
  type Sheet,
  suggestMapping,
} from "@karta/export";
import { municipalRoadmap, type TableTemplate } from "@karta/schema";
import ExcelJS from "exceljs";
import * as Y from "yjs";

const ROWS = 10_000;
const RUNS = 5;

export interface ImportBenchResult {
  readonly rows: number;
  readonly fileKiB: number;
  readonly readMs: number;
  readonly planMs: number;
  readonly writeMs: number;
  readonly totalMs: number;
  readonly updateKiB: number;
  readonly updateLimitKiB: number;
  readonly longestOrderKey: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** A roadmap as a municipality keeps it in Excel: a title line, the template's header, 10,000 measures. */
async function roadmapXlsx(table: TableTemplate): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Дорожная карта");
  sheet.addRow(["Дорожная карта по методическому сопровождению ШНОР"]);
  sheet.addRow(table.columns.map((c) => c.title));
  for (let i = 1; i <= ROWS; i++) {
    sheet.addRow([
      i,
      `Мероприятие ${i}: методическое сопровождение школ с низкими результатами`,
      "Приказ управления образования",
      i % 3 === 0 ? new Date(Date.UTC(2022, 0, 26)) : "В течение учебного года",
      "О.В. Плесецкая - директор МКУО КМЦ",
    ]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function measureImport(): Promise<ImportBenchResult> {
  const table = municipalRoadmap.tables[0] as TableTemplate;
  const file = await roadmapXlsx(table);
  const read: number[] = [];
  const plan: number[] = [];
  const write: number[] = [];
  let updateBytes = 0;
  let longestOrderKey = 0;
  for (let run = 0; run < RUNS; run++) {
    let start = performance.now();
    const [sheet] = (await readSpreadsheet("дорожная карта.xlsx", file)) as [Sheet];
    read.push(performance.now() - start);

    start = performance.now();
    const header = findHeaderRow(table, sheet.rows);
    const mapping = suggestMapping(table, header === null ? [] : (sheet.rows[header] ?? []));
    const planned = planImport(table, sheet.rows, header, mapping);
    plan.push(performance.now() - start);
    if (planned.issues.length > 0 || planned.rows.length !== ROWS) throw new Error("the bench file does not import");

    const ydoc = new Y.Doc();
    const model = KartaDocument.create(ydoc, municipalRoadmap).table(table.id);
    const before = Y.encodeStateVector(ydoc);
    start = performance.now();
    applyImport(model, planned.rows, "append", { bench: true });
    model.rows();
    write.push(performance.now() - start);
    updateBytes = Y.encodeStateAsUpdate(ydoc, before).byteLength;
    longestOrderKey = Math.max(...model.rows().map((r) => r.order.length));
  }
  return {
    rows: ROWS,
    fileKiB: Math.round(file.byteLength / 1024),
    readMs: median(read),
    planMs: median(plan),
    writeMs: median(write),
    totalMs: median(read) + median(plan) + median(write),
    updateKiB: Math.round(updateBytes / 1024),
    updateLimitKiB: Math.round(MAX_IMPORT_BYTES / 1024),
    longestOrderKey,
  };
}

export function formatImportResult(r: ImportBenchResult): string {
  return [
    `Import of ${r.rows} rows from XLSX (${r.fileKiB} KiB) into a roadmap, medians of ${RUNS} runs:`,
    `  read ${r.readMs.toFixed(0)} ms + plan ${r.planMs.toFixed(0)} ms + write ${r.writeMs.toFixed(0)} ms = ${r.totalMs.toFixed(0)} ms;`,
    `  one update of ${r.updateKiB} KiB (limit ${r.updateLimitKiB} KiB), longest order key ${r.longestOrderKey} characters`,
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`node ${process.version}`);
  console.log(formatImportResult(await measureImport()));
}
