import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ColumnTemplate, DocumentSummary, TableTemplate } from "@karta/schema";
import { municipalRoadmap, printedColumns, printedColumnTitle, teacherDeficits } from "@karta/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labinskTeacherDeficitRows } from "../../server/src/demo/seeds/teacherDeficits.ts";
import { slavyanskRoadmapOrder, slavyanskRoadmapRows } from "../../server/src/demo/slavyanskRoadmap.ts";
import { authed, login, postJson } from "../support/clients.ts";
import { convert, libreOfficeProfile, parseCsv, pdfFonts, pdfText, requireReaders } from "../support/libreOffice.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

/**
 * The demo's documents downloaded from a real server and read back by programs
 * nobody here wrote: LibreOffice converts the XLSX, DOCX and CSV, poppler reads
 * the PDF. The roadmap of seed 002 must come back whole (25 rows, the seed's
 * words, the template's column titles, «от 21.01.2022 № 156»), the
 * teacher-deficits monitoring with numbers as numbers and computed shares.
 */

/** The words an export prints above a column (the form's own when the template has them). */
const printed = (column: ColumnTemplate) => printedColumnTitle(column);
const roadmapTable = municipalRoadmap.tables[0] as TableTemplate;
// The roadmap's «Статус» is the municipality's own: the order's form has no such column.
const roadmapTitles = printedColumns(roadmapTable).map(printed);
const expectedRows = slavyanskRoadmapRows.map((row, i) => [
  String(i + 1),
  row.measure,
  row.document,
  row.period,
  row.responsible,
]);
const ORDER_LINE = "от 21.01.2022 № 156";
/** Text with every space and line break gone: a cell wrapped on paper reads the same. */
const squash = (text: string) => text.replace(/\s+/g, "");

describe("exports read back by LibreOffice and poppler", () => {
  let server: ServerProcess;
  const secrets: Record<string, string> = {};
  let roadmap: DocumentSummary;
  let deficits: DocumentSummary;
  let profile = "";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "karta-export-"));

  beforeAll(async () => {
    requireReaders();
    profile = libreOfficeProfile();
    server = await startServerProcess();
    const people = ["coordinator", "methodist", "viewer", "school5", "curator", "coordinator-seversky"];
    for (const who of [...people, "coordinator-labinsky"]) secrets[who] = await login(server.httpUrl, who);
    const listOf = async (who: string) =>
      (await (await fetch(`${server.httpUrl}/api/documents`, authed(secrets[who] ?? ""))).json()) as DocumentSummary[];
    const found = (await listOf("coordinator")).find((d) => d.template === municipalRoadmap.id && d.year === 2022);
    const monitoring = (await listOf("coordinator-labinsky")).find((d) => d.template === teacherDeficits.id);
    if (!found || !monitoring) throw new Error("the demo has no 2022 roadmap of Славянский район or no monitoring");
    deficits = monitoring;
    roadmap = await approvedAsTheSeedSays(found);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  /**
   * The demo's roadmap is approved by order № 156 of 21.01.2022 when the demo
   * seeds it so; otherwise the demo coordinator takes it there, as the seed says.
   */
  async function approvedAsTheSeedSays(summary: DocumentSummary): Promise<DocumentSummary> {
    if (summary.status === "approved") return summary;
    const move = (body: object) =>
      fetch(
        `${server.httpUrl}/api/documents/${summary.id}/transitions`,
        authed(secrets.coordinator ?? "", postJson(body)),
      );
    for (const action of ["submit", "agree"]) expect((await move({ action })).status).toBe(200);
    const approved = await move({ action: "approve", order: slavyanskRoadmapOrder });
    expect(approved.status).toBe(200);
    return (await approved.json()) as DocumentSummary;
  }

  async function download(who: string, target: string, name: string) {
    const res = await fetch(`${server.httpUrl}${target}`, authed(secrets[who] ?? ""));
    const file = path.join(dir, name);
    if (res.status === 200) fs.writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
    return { res, file };
  }
  const exportOf = (who: string, id: string, format: string) =>
    download(who, `/api/documents/${id}/export?format=${format}`, `${id}-${who}.${format}`);

  /** A spreadsheet read back as CSV (raw values, text quoted): the 25 rows under the template's titles. */
  function expectRoadmapRecords(records: { value: string; quoted: boolean }[][]) {
    const values = records.map((r) => r.map((f) => f.value));
    const header = values.findIndex((r) => r.slice(0, 5).join("|") === roadmapTitles.join("|"));
    expect(header, "the header row with the template's five titles").toBeGreaterThan(0);
    expect(values.slice(header + 1, header + 26).map((r) => r.slice(0, 5))).toEqual(expectedRows);
    expect(values.slice(header + 26).some((r) => r.some((v) => v.trim() !== ""))).toBe(false);
    expect(values.flat()).toContain(ORDER_LINE);
    expect(values.flat()).toContain(
      "к приказу начальника управления образования администрации муниципального образования Славянский район",
    );
  }

  /** Text read from a page: every cell of the 25 rows, whole, or split once where a page ends. */
  function expectRoadmapText(text: string) {
    const all = squash(text);
    for (const title of roadmapTitles) expect(all).toContain(squash(title));
    expect(all).toContain(squash(ORDER_LINE));
    for (const row of expectedRows) {
      for (const cell of row.slice(1)) {
        const wanted = squash(cell);
        if (all.includes(wanted)) continue;
        const split = [...wanted].some(
          (_, k) => k > 3 && k < wanted.length - 3 && all.includes(wanted.slice(0, k)) && all.includes(wanted.slice(k)),
        );
        expect(split, `row ${row[0]}: «${cell}»`).toBe(true);
      }
    }
  }

  it("exports the roadmap to XLSX: LibreOffice reads the 25 rows of seed 002 under its columns' titles", async () => {
    const { res, file } = await exportOf("coordinator", roadmap.id, "xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const disposition = res.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.xlsx"; filename\*=UTF-8''[A-Za-z0-9%._-]+$/);
    const name = decodeURIComponent(disposition.split("UTF-8''")[1] ?? "");
    expect(name).toBe(
      `${roadmap.title
        .replace(/[^\p{L}\p{N} ._,()-]+/gu, " ")
        .replace(/\s+/g, " ")
        .trim()}.xlsx`,
    );
    expect(name).toContain("2022");
    const csv = await convert(profile, file, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false");
    expectRoadmapRecords(parseCsv(fs.readFileSync(csv, "utf8")));
  }, 120_000);

  it("exports the roadmap to DOCX: LibreOffice reads the appendix block, the titles and the 25 rows", async () => {
    const { res, file } = await exportOf("coordinator", roadmap.id, "docx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const text = fs.readFileSync(await convert(profile, file, "txt:Text (encoded):UTF8"), "utf8");
    const lines = text.split(/\r?\n/).map((l) => l.trim());
    expect(lines.slice(0, 3)).toEqual([
      "Приложение",
      "к приказу начальника управления образования администрации муниципального образования Славянский район",
      ORDER_LINE,
    ]);
    expectRoadmapText(text);
  }, 120_000);

  it("exports the roadmap to PDF with its font embedded: poppler reads the 25 rows", async () => {
    const { res, file } = await exportOf("coordinator", roadmap.id, "pdf");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const fonts = (await pdfFonts(file)).split("\n").filter((l) => /PTSerif/.test(l));
    expect(fonts.length).toBeGreaterThan(0);
    // name, type, encoding, then «emb sub uni»: every font is embedded.
    for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+yes\b/);
    expectRoadmapText(await pdfText(file, "-raw"));
    expect(await pdfText(file, "-layout")).toContain(ORDER_LINE);
  }, 120_000);

  it("exports the roadmap to CSV that LibreOffice opens as `;`-separated UTF-8 with the 25 rows", async () => {
    const { res, file } = await exportOf("coordinator", roadmap.id, "csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = await convert(profile, file, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,true", {
      infilter: "Text - txt - csv (StarCalc):59,34,76,1,,0,false,false",
    });
    expectRoadmapRecords(parseCsv(fs.readFileSync(csv, "utf8")));
  }, 120_000);

  it("exports the teacher-deficits monitoring to XLSX with numbers as numbers and the computed shares", async () => {
    const { res, file } = await exportOf("coordinator-labinsky", deficits.id, "xlsx");
    expect(res.status).toBe(200);
    const csv = await convert(profile, file, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false");
    const records = parseCsv(fs.readFileSync(csv, "utf8"));
    const table = teacherDeficits.tables[0] as TableTemplate;
    const ids = table.columns.map((c) => c.id);
    const header = records.findIndex((r) => r[0]?.value === printed(table.columns[0] as ColumnTemplate));
    expect(records[header]?.map((f) => f.value)).toEqual(table.columns.map(printed));
    const cell = (record: { value: string; quoted: boolean }[] | undefined, id: string) =>
      record?.[ids.indexOf(id)] ?? { value: "", quoted: false };
    /** A share as LibreOffice writes a number in a percent format: «22.2%» (or 0.222). */
    const fraction = (value: string) => (value.endsWith("%") ? Number(value.slice(0, -1)) / 100 : Number(value));
    labinskTeacherDeficitRows.forEach((seed, i) => {
      const record = records[header + 1 + i];
      expect(cell(record, "subject")).toEqual({ value: seed.subject, quoted: true });
      // Unquoted: LibreOffice read a number, not a text.
      for (const id of ["teachers", "a", "b", "c", "d"] as const)
        expect(cell(record, id)).toEqual({ value: String(seed[id]), quoted: false });
      for (const level of ["a", "b", "c", "d"] as const) {
        const share = cell(record, `share${level.toUpperCase()}`);
        expect(share.quoted).toBe(false);
        expect(fraction(share.value)).toBeCloseTo(Math.round((seed[level] / seed.teachers) * 1000) / 1000, 4);
      }
    });
    // Химия (seed 004 typed 45/27/19/9 %): 3, 4, 7 and 2 of 16 are 18,8/25,0/43,8/12,5 %.
    const chemistry = records[header + 1 + labinskTeacherDeficitRows.findIndex((r) => r.subject === "химия")];
    const shares = ["shareA", "shareB", "shareC", "shareD"].map((id) => fraction(cell(chemistry, id).value));
    for (const [i, expected] of [0.188, 0.25, 0.438, 0.125].entries()) expect(shares[i]).toBeCloseTo(expected, 4);
    const total = records[header + 1 + labinskTeacherDeficitRows.length];
    expect(cell(total, "subject").value).toBe(table.totals?.label);
    const sum = (id: "teachers" | "a") => labinskTeacherDeficitRows.reduce((s, r) => s + r[id], 0);
    expect(cell(total, "teachers")).toEqual({ value: String(sum("teachers")), quoted: false });
    expect(fraction(cell(total, "shareA").value)).toBeCloseTo(
      Math.round((sum("a") / sum("teachers")) * 1000) / 1000,
      4,
    );
    // No order yet: the blanks to fill by hand.
    expect(records.flat().map((f) => f.value)).toContain("от ______ № ____");
  }, 120_000);

  it("gives the export to whoever may read the document and to nobody else", async () => {
    for (const who of ["methodist", "viewer"]) expect((await exportOf(who, roadmap.id, "csv")).res.status).toBe(200);
    for (const who of ["school5", "curator", "coordinator-seversky"]) {
      const { res } = await exportOf(who, roadmap.id, "pdf");
      expect([403, 404]).toContain(res.status);
      expect(((await res.json()) as { message: string }).message).toMatch(/[а-я]/);
    }
    expect((await fetch(`${server.httpUrl}/api/documents/${roadmap.id}/export?format=pdf`)).status).toBe(401);
    expect((await exportOf("coordinator", "no-such-document", "pdf")).res.status).toBe(404);
  });

  it("refuses an unknown format with a Russian message", async () => {
    for (const query of ["format=odt", "format=", ""]) {
      const res = await fetch(
        `${server.httpUrl}/api/documents/${roadmap.id}/export?${query}`,
        authed(secrets.coordinator ?? ""),
      );
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error).toBe("unknown-format");
      expect(body.message).toMatch(/формат/);
    }
  });

  it("gives the coordinator the municipality's workbook of the year, a sheet per document, and nobody else", async () => {
    const target = `/api/exports/workbook?organisationId=${roadmap.organisationId}&year=2022`;
    const { res, file } = await download("coordinator", target, "workbook.xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // The first sheet lists the documents: the municipality's own, then the ten ШНОР schools'.
    const contents = parseCsv(
      fs.readFileSync(
        await convert(profile, file, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,true"),
        "utf8",
      ),
    ).map((r) => r.map((f) => f.value));
    const documents = (
      (await (
        await fetch(`${server.httpUrl}/api/documents`, authed(secrets.coordinator ?? ""))
      ).json()) as DocumentSummary[]
    ).filter((d) => d.year === 2022);
    expect(contents.length - 1).toBe(documents.length);
    expect(contents[1]?.[1]).toBe(roadmap.organisation);
    expect(contents.map((r) => r[1])).toContain("МБОУ СОШ № 5");
    for (const who of ["methodist", "viewer", "coordinator-seversky", "school5"]) {
      const refused = await download(who, target, "refused.xlsx");
      expect(refused.res.status).toBe(403);
      expect(((await refused.res.json()) as { message: string }).message).toMatch(/координатор/);
    }
    const bad = await download("coordinator", `/api/exports/workbook?organisationId=${roadmap.organisationId}`, "x");
    expect(bad.res.status).toBe(400);
    expect(
      (await download("coordinator", "/api/exports/workbook?organisationId=nowhere&year=2022", "x")).res.status,
    ).toBe(404);
  }, 120_000);
});
