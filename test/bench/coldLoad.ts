/**
 * `npm run bench:cold`: a municipal roadmap of 10,000 rows opened on a server
 * that has not loaded it (a fresh process each run, the document compacted
 * into its stored parts by the previous clean shutdown). A raw client with
 * nothing of the document sends its sync step 1 and the bench records when
 * the whole document has arrived (`content`), when the room has loaded and
 * greets the client (`room loaded`), and meanwhile sends GET
 * /api/documents/<id> back to back: the slowest of those is how long another
 * request waited behind the load. Medians of 5 runs. See docs/benchmarks.md.
 */
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { WebSocket } from "ws";
import { authed, connectClient, createDocument, login, waitFor } from "../support/clients.ts";
import { emptySyncStep1, syncMessageOf } from "../support/protocolMessages.ts";
import { startServerProcess } from "../support/serverProcess.ts";

const ROWS = 10_000;
/** Options for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where a load spends its time. */
const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
const RUNS = 5;

export interface ColdLoadResult {
  readonly rows: number;
  readonly storedKiB: number;
  readonly contentMs: number;
  readonly loadedMs: number;
  readonly slowestRequestMs: number;
  readonly requestsDuringLoad: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function measureColdLoad(): Promise<ColdLoadResult> {
  const first = await startServerProcess();
  const secret = await login(first.httpUrl, "methodist");
  const docId = await createDocument(first.httpUrl, secret, { title: "10 000 строк" });
  const writer = await connectClient(first.syncUrl, docId, secret);
  for (let i = 0; i < ROWS; i += 1000) {
    writer.table().insertRows(
      i,
      Array.from({ length: 1000 }, (_, k) => ({
        measure: `Мероприятие ${i + k + 1}: методическое сопровождение школ с низкими результатами`,
        period: "В течение учебного года",
        responsible: "Управление образования, ЦОКО",
      })),
    );
  }
  const check = await connectClient(first.syncUrl, docId, secret, 30_000);
  await waitFor(() => check.table().rowCount() === ROWS, "every row stored", 30_000);
  check.destroy();
  writer.destroy();
  await first.stop(); // compacts the room into its stored parts

  const content: number[] = [];
  const loaded: number[] = [];
  const slowest: number[] = [];
  const requests: number[] = [];
  let storedBytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const server = await startServerProcess({ dataDir: first.dataDir, nodeArgs: serverNodeArgs });
    try {
      const session = await login(server.httpUrl, "methodist");
      // The process's first request fills caches of its own (organisations, comment digests): not the load's cost.
      await (await fetch(`${server.httpUrl}/api/documents/${docId}`, authed(session))).arrayBuffer();
      const ws = new WebSocket(`${server.syncUrl}/${docId}`, { headers: { cookie: `karta_session=${session}` } });
      await new Promise((resolve, reject) => {
        ws.once("open", resolve);
        ws.once("error", reject);
      });
      let contentAt = 0;
      let loadedAt = 0;
      let bytes = 0;
      const start = performance.now();
      ws.on("message", (data: Buffer) => {
        const step = syncMessageOf(new Uint8Array(data))?.step;
        if (step === 1 || step === 2) bytes += data.byteLength;
        if (step === 1 && contentAt === 0) contentAt = performance.now();
        if (step === 0 && loadedAt === 0) loadedAt = performance.now();
      });
      ws.send(emptySyncStep1());
      const latencies: number[] = [];
      while (loadedAt === 0 || contentAt === 0) {
        const sent = performance.now();
        const res = await fetch(`${server.httpUrl}/api/documents/${docId}`, authed(session));
        await res.arrayBuffer();
        latencies.push(performance.now() - sent);
        if (performance.now() - start > 30_000) throw new Error("the document did not load in 30 s");
      }
      content.push(contentAt - start);
      loaded.push(loadedAt - start);
      slowest.push(Math.max(...latencies));
      requests.push(latencies.length);
      storedBytes = bytes;
      ws.terminate();
    } finally {
      await server.stop();
    }
  }
  return {
    rows: ROWS,
    storedKiB: Math.round(storedBytes / 1024),
    contentMs: median(content),
    loadedMs: median(loaded),
    slowestRequestMs: median(slowest),
    requestsDuringLoad: median(requests),
  };
}

export function formatColdLoadResult(r: ColdLoadResult): string {
  return [
    `A roadmap of ${r.rows} rows (${r.storedKiB} KiB sent), opened cold by a client with nothing of it (medians of ${RUNS} fresh servers):`,
    `  whole document received ${r.contentMs.toFixed(0)} ms   room loaded ${r.loadedMs.toFixed(0)} ms   ` +
      `slowest of ${r.requestsDuringLoad} GET /api/documents/<id> meanwhile ${r.slowestRequestMs.toFixed(1)} ms`,
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`node ${process.version}`);
  console.log(formatColdLoadResult(await measureColdLoad()));
}
