import { type CellValue, type ColumnType, cellValueSchema } from "@karta/schema";
import { messages } from "../messages.ts";

/**
 * How a cell value reads as text (on screen, on the clipboard) and how typed or
 * pasted text becomes a value. Russian habits: decimal comma, ДД.ММ.ГГГГ dates.
 */

/** The text a user sees for a stored value. */
export function formatCell(value: CellValue | undefined, type: ColumnType): string {
  if (value === null || value === undefined) return "";
  switch (type.kind) {
    case "number":
      return typeof value === "number" ? String(value).replace(".", ",") : String(value);
    case "date":
      return typeof value === "string" ? isoToRussianDate(value) : String(value);
    case "boolean":
      return value === true ? messages.grid.yes : value === false ? messages.grid.no : String(value);
    default:
      return String(value);
  }
}

export type ParsedCell = { readonly ok: true; readonly value: CellValue } | { readonly ok: false };

const INVALID: ParsedCell = { ok: false };

/**
 * The value for text typed or pasted into a column, checked against the
 * column's schema. Empty text clears the cell.
 */
export function parseCell(text: string, type: ColumnType): ParsedCell {
  if (type.kind === "rowNumber") return INVALID;
  const value = textToValue(text, type);
  if (value === undefined) return INVALID;
  return cellValueSchema(type).safeParse(value).success ? { ok: true, value } : INVALID;
}

function textToValue(text: string, type: ColumnType): CellValue | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  switch (type.kind) {
    case "text":
    case "longText":
    case "period":
    case "people":
      // Kept exactly as typed (only Windows line breaks are normalised).
      return text.replace(/\r\n?/g, "\n");
    case "enum":
      return type.options.find((o) => o.toLocaleLowerCase("ru") === trimmed.toLocaleLowerCase("ru"));
    case "number":
      return parseRussianNumber(trimmed);
    case "date":
      return parseDate(trimmed);
    case "boolean":
      return parseBoolean(trimmed);
    default:
      return undefined;
  }
}

/** "1 234,5" or "1234.5" → 1234.5; undefined when it is not a number. */
export function parseRussianNumber(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(compact)) return undefined;
  const n = Number(compact);
  return Number.isFinite(n) ? n : undefined;
}

/** "05.03.2022", "5.3.2022" or "2022-03-05" → "2022-03-05"; undefined when no such day. */
export function parseDate(text: string): string | undefined {
  const russian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [y, m, d] = russian
    ? [Number(russian[3]), Number(russian[2]), Number(russian[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [Number.NaN, Number.NaN, Number.NaN];
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

/** "2022-03-05" → "05.03.2022"; other text is shown as it is. */
export function isoToRussianDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

function parseBoolean(text: string): boolean | undefined {
  const word = text.toLocaleLowerCase("ru");
  if (messages.grid.yesWords.includes(word)) return true;
  if (messages.grid.noWords.includes(word)) return false;
  return undefined;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
