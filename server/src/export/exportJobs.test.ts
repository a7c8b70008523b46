import type { ExportDocument } from "@karta/export";
import { afterAll, describe, expect, it } from "vitest";
import { ExportJobs, ExportsBusyError } from "./exportJobs.ts";

const document: ExportDocument = {
  title: "Дорожная карта",
  authority: "начальника управления образования администрации муниципального образования Славянский район",
  order: { number: "156", date: "2022-01-21" },
  sections: [],
  tables: [
    {
      id: "t",
      title: "Таблица",
      columns: [
        { id: "n", title: "№", kind: "rowNumber", width: 60 },
        { id: "m", title: "Показатели", kind: "text", width: 400 },
      ],
      rows: [[1, "Разработка дорожной карты"]],
      total: null,
    },
  ],
};

describe("ExportJobs", () => {
  const jobs = new ExportJobs(1);
  afterAll(() => jobs.close());

  it("writes on its thread and answers the bytes", async () => {
    const csv = new TextDecoder().decode(await jobs.write({ kind: "document", format: "csv", document }));
    expect(csv).toContain("от 21.01.2022 № 156");
    const xlsx = await jobs.write({ kind: "workbook", entries: [{ name: "Лист", document }] });
    expect([...xlsx.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip: PK
  }, 60_000);

  it("refuses beyond its queue and keeps working after a job fails", async () => {
    const first = jobs.write({ kind: "document", format: "docx", document });
    const second = jobs.write({ kind: "document", format: "docx", document });
    await expect(jobs.write({ kind: "document", format: "docx", document })).rejects.toBeInstanceOf(ExportsBusyError);
    await Promise.all([first, second]);
    const broken = { ...document, tables: null } as unknown as ExportDocument;
    await expect(jobs.write({ kind: "document", format: "xlsx", document: broken })).rejects.toThrow(/export failed/);
    expect((await jobs.write({ kind: "document", format: "pdf", document })).byteLength).toBeGreaterThan(1000);
  }, 60_000);

  it("leaves the main thread free while a big document is laid out", async () => {
    const [table] = document.tables;
    if (!table) throw new Error("no table");
    const rows = Array.from({ length: 2_000 }, (_, i) => [i + 1, `Мероприятие ${i + 1}: методическое сопровождение`]);
    const big = { ...document, tables: [{ ...table, rows }] };
    let last = performance.now();
    let longestPause = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestPause = Math.max(longestPause, now - last);
      last = now;
    }, 10);
    const started = performance.now();
    const pdf = await jobs.write({ kind: "document", format: "pdf", document: big });
    const took = performance.now() - started;
    clearInterval(timer);
    expect(pdf.byteLength).toBeGreaterThan(100_000);
    // Laying out 2,000 rows takes seconds; the main thread never waited more than a fraction of it.
    expect(longestPause).toBeLessThan(Math.max(250, took / 4));
  }, 120_000);
});
