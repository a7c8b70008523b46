import type { ColumnType } from "@karta/schema";
import { BOOLEAN_TEXT, formatNumber } from "./formatCell.ts";
import { checkNumber, type ParsedCell, parseCell } from "./parseCell.ts";

/**
 * A cell as a spreadsheet file holds it: text (every CSV cell), a number, a
 * yes/no, a date (XLSX), or nothing. Read into a column through the same
 * rules as typed text, so a file says no more and no less than a paste.
 */
export type SheetValue = string | number | boolean | Date | null;

/** The value of a file's cell for a column: text goes through parseCell, a number cell into a number column as is. */
export function parseSheetValue(raw: SheetValue, type: ColumnType): ParsedCell {
  if (raw === null) return { ok: true, value: null };
  if (typeof raw === "number" && type.kind === "number") return checkNumber(excelPrecision(raw), type);
  if (typeof raw === "boolean" && type.kind === "boolean")
    return parseCell(raw ? BOOLEAN_TEXT.yes : BOOLEAN_TEXT.no, type);
  if (raw instanceof Date && type.kind === "date") {
    const iso = isoDay(raw);
    return iso === null ? parseCell(String(raw), type) : parseCell(iso, type);
  }
  return parseCell(sheetValueText(raw), type);
}

/**
 * How a file's cell reads as text: a number with a decimal comma (Excel's 15
 * significant digits, so 0.1 + 0.2 reads «0,3»), a date as ДД.ММ.ГГГГ, «Да»/«Нет».
 */
export function sheetValueText(raw: SheetValue): string {
  if (raw === null) return "";
  if (typeof raw === "string") return raw;
  if (typeof raw === "number") return formatNumber(excelPrecision(raw));
  if (typeof raw === "boolean") return raw ? BOOLEAN_TEXT.yes : BOOLEAN_TEXT.no;
  const iso = isoDay(raw);
  if (iso === null) return "";
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/** Excel keeps 15 significant digits; the binary noise below them is not the user's. */
function excelPrecision(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : n;
}

/**
 * A file's date as the calendar day it shows. Spreadsheet dates carry no time
 * zone: XLSX readers give them at UTC midnight, so the day is read in UTC.
 */
function isoDay(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const y = String(date.getUTCFullYear()).padStart(4, "0");
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  const d = String(date.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}
