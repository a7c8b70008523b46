/**
 * `npm run bench`, `npm run bench:capacity`, `npm run bench:appends`: the
 * load benchmarks of the sync server, in the mode asked for (options.ts):
 * edits (edits.ts: ours and stock side by side, after the in-process
 * export, import and dashboard timings), capacity (capacity.ts) or
 * throughput (throughput.ts). Prints the figures and writes them all as JSON.
 * See docs/benchmarks.md.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCapacity } from "./capacity.ts";
import { formatDashboardResult, measureDashboard } from "./dashboard.ts";
import { printEdits, runEdits } from "./edits.ts";
import { formatExportResult, measureExport } from "./export.ts";
import { formatImportResult, measureImport } from "./importXlsx.ts";
import { type BenchOptions, isStock, parseOptions } from "./options.ts";
import { machineInfo } from "./procfs.ts";
import { ensureOurServerBuilt, sleep, stopChildren } from "./servers.ts";
import { runThroughput } from "./throughput.ts";

async function editsMode(options: BenchOptions): Promise<Record<string, unknown>> {
  // Before any server starts: exports and imports are in-process work (layout; reading, checking, one transaction).
  const exportResult = await measureExport();
  console.log(formatExportResult(exportResult));
  const importResult = await measureImport();
  console.log(formatImportResult(importResult));
  const dashboardResult = await measureDashboard();
  console.log(`${formatDashboardResult(dashboardResult)}\n`);

  const results = [];
  for (const [i, target] of options.targets.entries()) {
    if (i > 0) await sleep(3000); // let the previous run's sockets and CPU settle
    results.push(await runEdits(target, options));
  }
  printEdits(results, options);
  return { export: exportResult, import: importResult, dashboard: dashboardResult, results };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const machine = machineInfo();
  console.log(
    `Karta bench (${options.mode}): ${machine.cpuModel}, ${machine.cpus} CPUs, ${machine.memoryGiB} GiB, ` +
      `${machine.os}, Node ${machine.node}`,
  );
  const { placement } = options;
  if (placement)
    console.log(`Pinned: the server on CPU ${placement.server}, the load generators on CPUs ${placement.generators}`);
  if (!options.targets.every(isStock)) ensureOurServerBuilt(options.build);
  const figures =
    options.mode === "capacity"
      ? await runCapacity(options)
      : options.mode === "throughput"
        ? await runThroughput(options)
        : await editsMode(options);
  const out =
    options.out ??
    path.join(
      os.tmpdir(),
      `karta-bench-${options.mode}-${new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19)}.json`,
    );
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), machine, options, ...figures }, null, 2)}\n`);
  console.log(`\nJSON result: ${out}`);
}

process.on("SIGINT", () => {
  stopChildren();
  process.exit(130);
});

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopChildren();
  process.exit(1);
});
