/**
 * `npm run bench:big`: a 10,000-row municipal roadmap in Chromium. A real
 * server process (the demo's accounts, a fresh data directory), the roadmap
 * filled by a Node y-websocket client, then Debian's Chromium (the flags of
 * playwright.config.ts) opens it. Medians of RUNS:
 *
 * - first rows: from navigation start (performance.now() = 0) to the first
 *   animation frame after the first data row entered the DOM (the frame that
 *   paints it), on a first visit (a fresh browser context: no HTTP cache, no
 *   copy in IndexedDB) and on a return visit (the same context: the copy in
 *   IndexedDB, then the server's sync); with the longest task of the load (a
 *   PerformanceObserver of long tasks). Two rows each: "shown", a row of the
 *   first screen the entry module draws from the server's text
 *   (firstScreen.ts) or of the grid, whichever comes first; and "in the
 *   grid", the editable grid's own first row;
 * - remote edit: a Node client sets one cell; in the page, from the arrival of
 *   the websocket message (a listener that runs before y-websocket's) to the
 *   first animation frame after the cell shows the new text; and the main
 *   thread's script and task time over the same window (CDP
 *   Performance.getMetrics, read before the edit is sent and after that frame:
 *   it also counts the page's own MutationObserver and frame callbacks);
 * - keystroke: in an open cell editor, from a key's keydown (event.timeStamp)
 *   to the first animation frame after its input event; and Enter committing a
 *   value: from the keydown to the first frame after the cell shows it (the
 *   write, the table model, the grid and the flags).
 *
 * WEB_DIST=… serves another build of the web app (the server is this
 * checkout's); COMPARE_WEB_DIST=… measures that build too (e.g. of an older
 * commit), on a server of its own, the runs of the two interleaved; with
 * COMPARE_SERVER=dir that server is another build too (dir/main.js: a copy of
 * an older server/dist inside the repository, e.g. .bench/server-before, so
 * that its packages resolve). Prints a table per build and writes the JSON to
 * the OS temp dir. See docs/benchmarks.md.
 */
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from "@playwright/test";
import { slavyanskRoadmapRows } from "../../server/src/demo/slavyanskRoadmap.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../support/chromium.ts";
import { authed, connectClient, login, postJson, waitFor } from "../support/clients.ts";
import { serverEntry, startServerProcess } from "../support/serverProcess.ts";

const RUNS = 5;
const ROWS = 10_000;
const YEAR = 2025;
const MUNICIPALITY = "slavyansky-rayon";
/** The row (grid index) and column the remote and local edits write. */
const EDITED_ROW = 1;
const EDITED_COLUMN = "document";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cellSelector = (rowIndex: number, colId: string) =>
  `.ag-center-cols-container .ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`;

export interface BigDocumentResult {
  readonly rows: number;
  readonly runs: number;
  readonly firstVisitShownMs: number;
  readonly firstVisitMs: number;
  readonly firstVisitLongestTaskMs: number;
  readonly returnVisitShownMs: number;
  readonly returnVisitMs: number;
  readonly returnVisitLongestTaskMs: number;
  readonly remoteEditMs: number;
  readonly remoteEditScriptMs: number;
  readonly remoteEditTaskMs: number;
  readonly keystrokeMs: number;
  readonly enterMs: number;
  readonly webDist: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Runs in the page before its scripts: notes when the first data row enters
 * the DOM (and the frame after it), the long tasks, and when each websocket
 * message arrives (a listener added in the constructor runs before the
 * provider's onmessage).
 */
const INSTRUMENT_PAGE = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: "longtask", buffered: true });
  const observer = new MutationObserver(() => {
    if (window.__firstShownInDom === undefined &&
        document.querySelector(".k-first-screen-row:not(.k-first-screen-header), .ag-center-cols-container .ag-row")) {
      window.__firstShownInDom = performance.now();
      requestAnimationFrame(() => { window.__firstShownFrame = performance.now(); });
    }
    if (window.__firstRowInDom !== undefined) return;
    if (!document.querySelector(".ag-center-cols-container .ag-row")) return;
    window.__firstRowInDom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => { window.__firstRowFrame = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener("message", () => { window.__lastMessageAt = performance.now(); });
    }
  };
})();`;

/**
 * Page functions are passed as source text: tsx (esbuild) would wrap named
 * functions in a helper the page does not have.
 */
const FRAME_AFTER_TEXT = `([sel, wanted]) => new Promise((resolve) => {
  const done = () => requestAnimationFrame(() => resolve(performance.now()));
  const shows = () => document.querySelector(sel)?.querySelector(".k-cell-text")?.textContent === wanted;
  if (shows()) return done();
  const observer = new MutationObserver(() => {
    if (!shows()) return;
    observer.disconnect();
    done();
  });
  observer.observe(document.querySelector(".ag-center-cols-container") ?? document, {
    childList: true, subtree: true, characterData: true,
  });
})`;

const KEY_TO_FRAME = `() => new Promise((resolve) => {
  let down = 0;
  document.addEventListener("keydown", (e) => { down = e.timeStamp; }, { capture: true, once: true });
  document.addEventListener("input", () => requestAnimationFrame(() => resolve(performance.now() - down)), {
    capture: true, once: true,
  });
})`;

const KEYDOWN_AT = `() => new Promise((resolve) =>
  document.addEventListener("keydown", (e) => resolve(e.timeStamp), { capture: true, once: true }))`;

async function ensureBuilt(): Promise<void> {
  if (existsSync(serverEntry) && existsSync(path.join(repoRoot, "apps/web/dist/index.html"))) return;
  console.log("building the server and the web app…");
  execFileSync("npx", ["turbo", "run", "build", "--output-logs=errors-only"], { cwd: repoRoot, stdio: "inherit" });
}

async function newPerson(browser: Browser, httpUrl: string, secret: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: "ru-RU",
    timezoneId: "Europe/Moscow",
    viewport: { width: 1440, height: 900 },
  });
  await context.addCookies([{ name: "karta_session", value: secret, url: httpUrl }]);
  await context.addInitScript({ content: INSTRUMENT_PAGE });
  return context;
}

async function waitForSaved(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="sync-status"][data-state="saved"]', { timeout: 60_000 });
}

interface OpenFigures {
  readonly shownMs: number;
  readonly firstRowsMs: number;
  readonly longestTaskMs: number;
}

/** Opens the document; returns when rows were shown, when the grid's were, and the longest task of the load. */
async function openAndTime(page: Page, url: string): Promise<OpenFigures> {
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { __firstRowFrame?: number }).__firstRowFrame !== undefined,
    null,
    {
      timeout: 60_000,
    },
  );
  await waitForSaved(page);
  return page.evaluate(
    "({ shownMs: window.__firstShownFrame, firstRowsMs: window.__firstRowFrame, longestTaskMs: Math.max(0, ...window.__longTasks) })",
  );
}

async function metrics(cdp: CDPSession): Promise<{ script: number; task: number }> {
  const { metrics: list } = (await cdp.send("Performance.getMetrics")) as {
    metrics: { name: string; value: number }[];
  };
  const value = (name: string) => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { script: value("ScriptDuration"), task: value("TaskDuration") };
}

/**
 * Starts `source` (a page function's text) in the page and returns a way to
 * await its promise later: the page holds the promise meanwhile.
 */
async function startInPage(page: Page, source: string, args: readonly unknown[] = []): Promise<() => Promise<number>> {
  const name = `__pending${Math.random().toString(36).slice(2)}`;
  await page.evaluate(`void (window.${name} = (${source})(...${JSON.stringify(args)}))`);
  return async () => (await page.evaluate(`window.${name}`)) as number;
}

/** The time of the first frame after `selector`'s text is `text` (awaited later). */
function frameAfterText(page: Page, selector: string, text: string) {
  return startInPage(page, FRAME_AFTER_TEXT, [[selector, text]]);
}

/** A build to measure: the web app's files and the server's entry (undefined: this checkout's). */
interface Build {
  readonly webDist: string;
  readonly serverEntry?: string;
}

interface Setup {
  readonly webDist: string;
  readonly server: Awaited<ReturnType<typeof startServerProcess>>;
  readonly secret: string;
  readonly url: string;
  readonly writer: Awaited<ReturnType<typeof connectClient>>;
}

interface RunFigures {
  readonly first: OpenFigures;
  readonly again: OpenFigures;
  readonly remote: { ms: number; script: number; task: number };
  readonly keystroke: number;
  readonly enter: number;
}

/** A server serving `webDist` with a roadmap of ROWS rows, and the Node client that wrote it. */
async function setUp({ webDist, serverEntry }: Build): Promise<Setup> {
  const server = await startServerProcess({ env: { DEMO_DATA: "1", WEB_DIST: webDist }, entry: serverEntry });
  try {
    const secret = await login(server.httpUrl, "coordinator");
    const res = await fetch(
      `${server.httpUrl}/api/documents`,
      authed(
        secret,
        postJson({
          template: "municipal-roadmap",
          title: "Дорожная карта на 10 000 строк",
          organisationId: MUNICIPALITY,
          year: YEAR,
        }),
      ),
    );
    if (res.status !== 201) throw new Error(`roadmap: ${res.status} ${await res.text()}`);
    const { id: docId } = (await res.json()) as { id: string };
    const writer = await connectClient(server.syncUrl, docId, secret, 60_000);
    writer.table().insertRows(
      0,
      Array.from({ length: ROWS }, (_, i) => {
        const row = slavyanskRoadmapRows[i % slavyanskRoadmapRows.length];
        return { ...row, measure: `${row?.measure ?? ""} (${i + 1})` };
      }),
    );
    // Stored once a fresh reader sees every row.
    const reader = await connectClient(server.syncUrl, docId, secret, 60_000);
    const stored = reader.table().rows().length;
    reader.destroy();
    if (stored !== ROWS) throw new Error(`${stored} of ${ROWS} rows stored`);
    const label = serverEntry ? `${webDist}, server ${path.dirname(serverEntry)}` : webDist;
    return { webDist: label, server, secret, url: `${server.httpUrl}/d/${docId}`, writer };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function measureOnce(browser: Browser, setup: Setup, run: number): Promise<RunFigures> {
  const { writer } = setup;
  const context = await newPerson(browser, setup.server.httpUrl, setup.secret);
  try {
    const page = await context.newPage();
    const first = await openAndTime(page, setup.url);
    const again = await openAndTime(page, setup.url);

    // A remote edit of a visible cell.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const remoteText = `Приказ № ${run + 1}-удалённо`;
    const shown = await frameAfterText(page, cellSelector(EDITED_ROW, EDITED_COLUMN), remoteText);
    const rowId = writer.table().rows()[EDITED_ROW]?.id as string;
    const before = await metrics(cdp);
    writer.table().setCell(rowId, EDITED_COLUMN, remoteText);
    const frameAt = await shown();
    const after = await metrics(cdp);
    const messageAt = (await page.evaluate("window.__lastMessageAt")) as number;
    const remote = { ms: frameAt - messageAt, script: after.script - before.script, task: after.task - before.task };

    // A keystroke in an open editor, then Enter.
    await page.locator(cellSelector(EDITED_ROW, EDITED_COLUMN)).click();
    await page.keyboard.press("Enter");
    const editor = page.locator(".ag-popup-editor textarea, .ag-cell-inline-editing input").first();
    await editor.waitFor();
    await editor.fill(`Приказ № ${run + 1}-локальн`);
    const typed = await startInPage(page, KEY_TO_FRAME);
    await page.keyboard.press("x");
    const keystroke = await typed();
    const localText = `Приказ № ${run + 1}-локальнx`;
    const committed = await frameAfterText(page, cellSelector(EDITED_ROW, EDITED_COLUMN), localText);
    const downAt = await startInPage(page, KEYDOWN_AT);
    await page.keyboard.press("Enter");
    const enterFrame = await committed();
    const enter = enterFrame - (await downAt());
    await waitFor(
      () => writer.table().rows()[EDITED_ROW]?.cells[EDITED_COLUMN] === localText,
      "the local edit reached the server",
      10_000,
    );
    return { first, again, remote, keystroke, enter };
  } finally {
    await context.close();
  }
}

function summarise(webDist: string, runs: readonly RunFigures[]): BigDocumentResult {
  return {
    rows: ROWS,
    runs: runs.length,
    firstVisitShownMs: median(runs.map((r) => r.first.shownMs)),
    firstVisitMs: median(runs.map((r) => r.first.firstRowsMs)),
    firstVisitLongestTaskMs: median(runs.map((r) => r.first.longestTaskMs)),
    returnVisitShownMs: median(runs.map((r) => r.again.shownMs)),
    returnVisitMs: median(runs.map((r) => r.again.firstRowsMs)),
    returnVisitLongestTaskMs: median(runs.map((r) => r.again.longestTaskMs)),
    remoteEditMs: median(runs.map((r) => r.remote.ms)),
    remoteEditScriptMs: median(runs.map((r) => r.remote.script)),
    remoteEditTaskMs: median(runs.map((r) => r.remote.task)),
    keystrokeMs: median(runs.map((r) => r.keystroke)),
    enterMs: median(runs.map((r) => r.enter)),
    webDist,
  };
}

/**
 * Measures each build of the web app in `webDists` (one server each), their
 * runs interleaved so that a busy machine weighs on all of them alike.
 */
export async function measureBigDocument(builds: readonly Build[]): Promise<BigDocumentResult[]> {
  await ensureBuilt();
  const setups: Setup[] = [];
  let browser: Browser | null = null;
  try {
    for (const build of builds) setups.push(await setUp(build));
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const figures = setups.map((): RunFigures[] => []);
    for (let run = 0; run < RUNS; run++) {
      for (const [i, setup] of setups.entries()) figures[i]?.push(await measureOnce(browser, setup, run));
    }
    return setups.map((setup, i) => summarise(setup.webDist, figures[i] ?? []));
  } finally {
    await browser?.close();
    for (const setup of setups) {
      setup.writer.destroy();
      await setup.server.stop();
    }
  }
}

export function formatBigDocumentResult(r: BigDocumentResult): string {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  return [
    `A ${r.rows}-row municipal roadmap in Chromium, medians of ${r.runs} runs (web app: ${r.webDist}):`,
    `  first rows shown, first visit   ${ms(r.firstVisitShownMs).padStart(8)}`,
    `  first rows in the grid          ${ms(r.firstVisitMs).padStart(8)}   longest task ${ms(r.firstVisitLongestTaskMs)}`,
    `  first rows shown, return visit  ${ms(r.returnVisitShownMs).padStart(8)}`,
    `  first rows in the grid          ${ms(r.returnVisitMs).padStart(8)}   longest task ${ms(r.returnVisitLongestTaskMs)}`,
    `  remote edit, message → frame    ${ms(r.remoteEditMs).padStart(8)}   script ${r.remoteEditScriptMs.toFixed(1)} ms, tasks ${r.remoteEditTaskMs.toFixed(1)} ms`,
    `  keystroke in editor → frame     ${ms(r.keystrokeMs).padStart(8)}`,
    `  Enter (commit) → frame          ${ms(r.enterMs).padStart(8)}`,
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}`);
  // A relative path is the caller's: npm runs this in test/, but INIT_CWD is where npm was called.
  const from = process.env.INIT_CWD ?? process.cwd();
  const compareServer = process.env.COMPARE_SERVER
    ? path.resolve(from, process.env.COMPARE_SERVER, "main.js")
    : undefined;
  const builds: Build[] = [
    ...(process.env.COMPARE_WEB_DIST ? [{ webDist: process.env.COMPARE_WEB_DIST, serverEntry: compareServer }] : []),
    { webDist: process.env.WEB_DIST ?? path.join(repoRoot, "apps/web/dist") },
  ];
  const results = await measureBigDocument(builds);
  for (const result of results) console.log(formatBigDocumentResult(result));
  const file = path.join(os.tmpdir(), `karta-bench-big-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
  console.log(`JSON: ${file}`);
}
