import type { SheetValue } from "@karta/domain";
import type { CellValue, Workbook, Worksheet } from "exceljs";
import { type Sheet, trimSheet, UnreadableFileError } from "./sheet.ts";

/**
 * Reads an XLSX file (exceljs, not SheetJS: SheetJS' npm build is frozen with
 * a known vulnerability) into sheets of plain cells: a formula gives its
 * result, rich text its text, a link its text, a merged area its value once
 * (in its top left cell). exceljs is loaded on first use, so the app's main
 * bundle does not carry it.
 */
export async function readXlsx(data: Uint8Array | ArrayBuffer): Promise<Sheet[]> {
  const ExcelJS = await loadExcelJs();
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    // exceljs types the input as a Node Buffer; JSZip underneath takes any bytes.
    await workbook.xlsx.load(data as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  } catch (cause) {
    throw new UnreadableFileError("xlsx", { cause });
  }
  return workbook.worksheets.map((sheet) => ({ name: sheet.name, rows: readRows(sheet) }));
}

async function loadExcelJs(): Promise<typeof import("exceljs")> {
  const module = (await import("exceljs")) as typeof import("exceljs") & { default?: typeof import("exceljs") };
  // CommonJS in Node, a UMD bundle in the browser: the classes sit on `default` in both.
  return module.default ?? module;
}

function readRows(sheet: Worksheet): SheetValue[][] {
  const rows: SheetValue[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: SheetValue[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // A merged area holds its value in its top left cell; the others repeat it in exceljs.
      cells.push(cell.isMerged && cell.master.address !== cell.address ? null : plainValue(cell.value));
    }
    rows.push(cells);
  }
  return trimSheet(rows);
}

/** exceljs' cell value as a plain one. */
export function plainValue(value: CellValue | undefined): SheetValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value !== "object") return null;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    return isExcelValue(result) ? plainValue(result) : null;
  }
  if ("text" in value && "hyperlink" in value) return plainValue(value.text as CellValue);
  return null;
}

function isExcelValue(value: unknown): value is CellValue {
  return value !== undefined;
}
