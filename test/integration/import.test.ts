import { MAX_ORDER_KEY_LENGTH, type TableModel } from "@karta/doc";
import {
  applyImport,
  findHeaderRow,
  type ImportIssue,
  importUpdateBytes,
  MAX_IMPORT_BYTES,
  planImport,
  readSpreadsheet,
  suggestMapping,
} from "@karta/export";
import { municipalRoadmap, type TableTemplate, teacherDeficits } from "@karta/schema";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { messages } from "../../apps/web/src/messages.ts";
import { authed, connectClient, createDocument, login, type SyncedClient, waitFor } from "../support/clients.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

/**
 * Import against a real server: a file read, planned and written the way the
 * app does it (readSpreadsheet → planImport → applyImport in one transaction
 * with the page's origin), then read back by clients that never saw it.
 */

const roadmap = municipalRoadmap.tables[0] as TableTemplate;
const deficits = teacherDeficits.tables[0] as TableTemplate;
const title = (table: TableTemplate, id: string) => table.columns.find((c) => c.id === id)?.title ?? id;
const PAGE_ORIGIN = { kind: "karta-local-edit", docId: "import-test" };

/** Seed 002's row 13 and its people: a measure as long as the real ones (the file is ~5 MiB of Yjs). */
const MEASURE =
  "Проведение методических выездов в ШНОР по вопросам повышения качества образования (методическая помощь учителям, анализ документов, посещение уроков)";
const RESPONSIBLE = "О.В. Плесецкая - директор МКУО КМЦ. И.Н. Хняч - директор МКУО ЦОКО. Кураторы ШНОР";

type Outcome = { readonly written: number } | { readonly issues: readonly ImportIssue[] };

/** The app's import: read, check, and write only when the check finds nothing wrong. */
async function importFile(table: TableModel, name: string, bytes: Uint8Array): Promise<Outcome> {
  const [sheet] = await readSpreadsheet(name, bytes);
  if (!sheet) throw new Error("no sheet");
  const header = findHeaderRow(table.template, sheet.rows);
  const mapping = suggestMapping(table.template, header === null ? [] : (sheet.rows[header] ?? []));
  const plan = planImport(table.template, sheet.rows, header, mapping);
  if (plan.issues.length > 0) return { issues: plan.issues };
  expect(importUpdateBytes(table.template, plan.rows)).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
  applyImport(table, plan.rows, "append", PAGE_ORIGIN);
  return { written: plan.rows.length };
}

/** A client that connects after the import: what the server stored and sends. */
async function freshRows(server: ServerProcess, docId: string, secret: string, tableId: string) {
  const client = await connectClient(server.syncUrl, docId, secret);
  try {
    return client.doc.table(tableId).rows();
  } finally {
    client.destroy();
  }
}

/** Waits until the server has the client's every change (its state vector covers the client's). */
async function storedOnServer(server: ServerProcess, docId: string, secret: string, client: SyncedClient) {
  const wanted = Y.encodeStateVector(client.ydoc);
  await waitFor(
    async () => {
      const probe = await connectClient(server.syncUrl, docId, secret);
      const covered = Buffer.from(Y.encodeStateVector(probe.ydoc)).equals(Buffer.from(wanted));
      probe.destroy();
      return covered;
    },
    "the server did not store the import",
    30_000,
  );
}

describe("import from XLSX and CSV", () => {
  let server: ServerProcess;
  let secret = "";

  beforeAll(async () => {
    server = await startServerProcess();
    secret = await login(server.httpUrl, "coordinator");
  });
  afterAll(async () => {
    await server.stop();
  });

  it("imports a 10,000-row XLSX of real-length rows into a new roadmap in one transaction; the server stores it and serves it after a restart", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Дорожная карта");
    sheet.addRow(["Приложение к приказу"]);
    sheet.addRow(roadmap.columns.map((c) => c.title));
    for (let i = 1; i <= 10_000; i++) {
      sheet.addRow([
        i,
        `${MEASURE} № ${i}`,
        "Приказ об утверждении графика выездов. Справки, мониторинги.",
        i % 2 ? "Январь 2022 г." : new Date(Date.UTC(2022, 0, 26)),
        RESPONSIBLE,
      ]);
    }
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const docId = await createDocument(server.httpUrl, secret, { title: "Дорожная карта из файла" });
    const client = await connectClient(server.syncUrl, docId, secret);
    let updates = 0;
    client.ydoc.on("update", (_update: Uint8Array, origin: unknown) => {
      if (origin === PAGE_ORIGIN) updates += 1;
    });
    let closes = 0;
    client.provider.on("connection-close", () => {
      closes += 1;
    });
    expect(await importFile(client.table(), "дорожная карта.xlsx", bytes)).toEqual({ written: 10_000 });
    // One transaction: one update, one websocket message, one undo step.
    expect(updates).toBe(1);
    const rows = client.table().rows();
    expect(rows).toHaveLength(10_000);
    expect(Math.max(...rows.map((r) => r.order.length))).toBeLessThanOrEqual(MAX_ORDER_KEY_LENGTH);
    await storedOnServer(server, docId, secret, client);
    expect(closes).toBe(0);
    client.destroy();

    const fresh = await freshRows(server, docId, secret, "measures");
    expect(fresh).toHaveLength(10_000);
    expect(fresh[0]?.cells).toEqual({
      measure: `${MEASURE} № 1`,
      document: "Приказ об утверждении графика выездов. Справки, мониторинги.",
      period: "Январь 2022 г.",
      responsible: RESPONSIBLE,
    });
    expect(fresh[9_999]?.cells.measure).toBe(`${MEASURE} № 10000`);
    expect(fresh[9_999]?.cells.period).toBe("26.01.2022");

    // Stored, not only held in memory: a restarted server serves the same rows.
    expect(await server.stop()).toBe(0);
    server = await startServerProcess({ dataDir: server.dataDir });
    secret = await login(server.httpUrl, "coordinator");
    const afterRestart = await freshRows(server, docId, secret, "measures");
    expect(afterRestart).toHaveLength(10_000);
    expect(afterRestart.map((r) => r.cells.measure)).toEqual(fresh.map((r) => r.cells.measure));
  }, 120_000);

  it("round trip: the demo roadmap exported to XLSX and imported into an empty roadmap gives the same rows", async () => {
    const list = (await (await fetch(`${server.httpUrl}/api/documents`, authed(secret))).json()) as {
      id: string;
      template: string;
      year: number;
    }[];
    const demo = list.find((d) => d.template === "municipal-roadmap" && d.year === 2022);
    if (!demo) throw new Error("the demo roadmap is missing");
    const exported = await fetch(`${server.httpUrl}/api/documents/${demo.id}/export?format=xlsx`, authed(secret));
    expect(exported.status).toBe(200);
    const bytes = new Uint8Array(await exported.arrayBuffer());

    const docId = await createDocument(server.httpUrl, secret, {
      title: "Дорожная карта, загруженная обратно",
      year: 2023,
    });
    const client = await connectClient(server.syncUrl, docId, secret);
    expect(await importFile(client.table(), "дорожная карта.xlsx", bytes)).toEqual({ written: 25 });
    await storedOnServer(server, docId, secret, client);
    client.destroy();

    const original = await freshRows(server, demo.id, secret, "measures");
    const imported = await freshRows(server, docId, secret, "measures");
    expect(original).toHaveLength(25);
    // Everything the order prints comes back; the «Статус» it does not print stays with the original.
    const withoutStatus = (cells: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(cells).filter(([key]) => key !== "status"));
    expect(original.some((r) => r.cells.status !== undefined)).toBe(true);
    expect(imported.map((r) => r.cells)).toEqual(original.map((r) => withoutStatus(r.cells)));
  });

  it("imports a Windows-1251 CSV separated by «;»", async () => {
    const text = [
      [title(deficits, "subject"), ...["teachers", "a", "b", "c", "d"].map((id) => title(deficits, id))],
      ["химия", "16", "3", "4", "7", "2"],
      ["ёмкость физики", "1 234", "0", "0", "1 000", "234"],
      ["Всего:", "1250", "3", "4", "1007", "236"],
    ]
      .map((r) => r.join(";"))
      .join("\r\n");
    const bytes = new Uint8Array(iconv.encode(text, "win1251"));
    const docId = await createDocument(server.httpUrl, secret, { template: "teacher-deficits", title: "Дефициты" });
    const client = await connectClient(server.syncUrl, docId, secret);
    expect(await importFile(client.doc.table("subjects"), "дефициты.csv", bytes)).toEqual({ written: 2 });
    await storedOnServer(server, docId, secret, client);
    client.destroy();
    const rows = await freshRows(server, docId, secret, "subjects");
    expect(rows.map((r) => r.cells)).toEqual([
      { subject: "химия", teachers: 16, a: 3, b: 4, c: 7, d: 2 },
      { subject: "ёмкость физики", teachers: 1234, a: 0, b: 0, c: 1000, d: 234 },
    ]);
  });

  it("names the row and column of «2,5» teachers and writes nothing", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Лист1");
    sheet.addRow([title(deficits, "subject"), title(deficits, "teachers"), title(deficits, "a")]);
    sheet.addRow(["химия", 16, 3]);
    sheet.addRow(["физика", "2,5", 1]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const docId = await createDocument(server.httpUrl, secret, { template: "teacher-deficits", title: "Дефициты 2" });
    const client = await connectClient(server.syncUrl, docId, secret);
    const before = Y.encodeStateVector(client.ydoc);

    const outcome = await importFile(client.doc.table("subjects"), "дефициты.xlsx", bytes);
    if (!("issues" in outcome)) throw new Error("the check let «2,5» teachers through");
    expect(outcome.issues.map((i) => messages.import.issue(i.row, i.column, i.text, i.refusal))).toEqual([
      `Строка 3, «${title(deficits, "teachers")}»: «2,5» — нужно целое число`,
    ]);
    expect(Y.encodeStateVector(client.ydoc)).toEqual(before);
    client.destroy();
    expect(await freshRows(server, docId, secret, "subjects")).toEqual([]);
  });
});
