/**
 * `npm run bench:changes`: how long "changed since agreement" takes on big
 * documents. For a roadmap of 2,000 and of 10,000 rows: decoding the agreed
 * version once (AgreedBaseline), the full list of changes after 1 % of the
 * cells were edited, a row added, deleted and moved (what the server's
 * GET …/changes and a client's first paint do), and the re-check of one
 * changed row (what a client does on each remote edit). Medians of 7 runs.
 * See docs/benchmarks.md.
 */
import { performance } from "node:perf_hooks";
import { AgreedBaseline, KartaDocument } from "@karta/doc";
import { municipalRoadmap } from "@karta/schema";
import * as Y from "yjs";

const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function measure(rowCount: number) {
  const doc = KartaDocument.create(new Y.Doc(), municipalRoadmap);
  const table = doc.table(municipalRoadmap.tables[0]?.id ?? "");
  const rows = Array.from({ length: rowCount }, (_, i) => ({
    measure: `Мероприятие ${i + 1}: методическое сопровождение школ с низкими результатами`,
    period: "В течение учебного года",
  }));
  table.insertRows(0, rows);
  const agreed = Y.encodeStateAsUpdate(doc.ydoc);
  const ids = table.rows().map((r) => r.id);
  const edited = ids.filter((_, i) => i % 100 === 0);
  table.setCells(edited.map((rowId) => ({ rowId, columnId: "period", value: "Март 2023" })));
  table.insertRow(10, { measure: "Добавлено после согласования" });
  table.deleteRow(ids[20] as string);
  table.moveRow(ids[30] as string, 0);

  const decode: number[] = [];
  const full: number[] = [];
  const one: number[] = [];
  let found = 0;
  for (let run = 0; run < RUNS; run++) {
    let baseline: AgreedBaseline | null = null;
    decode.push(time(() => (baseline = new AgreedBaseline(municipalRoadmap, agreed))));
    const b = baseline as unknown as AgreedBaseline;
    full.push(time(() => (found = b.changes(doc).length)));
    one.push(time(() => b.rowChanges(doc, table.template.id, edited[1] as string)));
  }
  return {
    rows: rowCount,
    stateKiB: Math.round(agreed.byteLength / 1024),
    changes: found,
    decodeMs: median(decode),
    fullMs: median(full),
    oneRowMs: median(one),
  };
}

console.log(`node ${process.version}, ${RUNS} runs each, medians`);
console.log("rows    agreed state   changes   decode agreed   all changes   one row");
for (const rowCount of [2_000, 10_000]) {
  const r = measure(rowCount);
  console.log(
    `${String(r.rows).padEnd(7)} ${`${r.stateKiB} KiB`.padEnd(14)} ${String(r.changes).padEnd(9)} ${`${r.decodeMs.toFixed(1)} ms`.padEnd(15)} ${`${r.fullMs.toFixed(1)} ms`.padEnd(13)} ${r.oneRowMs.toFixed(3)} ms`,
  );
}
