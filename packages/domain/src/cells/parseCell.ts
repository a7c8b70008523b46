import { type CellValue, type ColumnType, cellValueSchema, MAX_CELL_TEXT_LENGTH } from "@karta/schema";

/**
 * The one reader of cell text: what a person types into a cell, pastes from
 * Excel or LibreOffice, or brings in a CSV or XLSX file becomes a value here,
 * checked against the column's type. A refusal says why, so that the app can
 * say it in Russian («нужно целое число»).
 */

/** Why a text is not a value of the column. */
export type CellRefusal =
  /** № and shares are computed: nothing is ever written there. */
  | { readonly kind: "computed" }
  | { readonly kind: "number" }
  /** A number, but the column counts whole things: «2,5» педагога. */
  | { readonly kind: "integer" }
  | { readonly kind: "min"; readonly min: number }
  | { readonly kind: "max"; readonly max: number }
  | { readonly kind: "date" }
  | { readonly kind: "boolean" }
  | { readonly kind: "option"; readonly options: readonly string[] }
  | { readonly kind: "tooLong"; readonly max: number }
  /** The column's schema refused a value the rules above let through (never expected). */
  | { readonly kind: "invalid" };

export type ParsedCell =
  | { readonly ok: true; readonly value: CellValue }
  | { readonly ok: false; readonly refusal: CellRefusal };

/** Words read as yes and no (compared in lower case), besides «Да» and «Нет» themselves. */
export const YES_WORDS: readonly string[] = ["да", "д", "истина", "true", "yes", "1", "+", "✓", "x"];
export const NO_WORDS: readonly string[] = ["нет", "н", "ложь", "false", "no", "0", "-"];

/** The value for a text typed, pasted or read from a file. Empty text clears the cell. */
export function parseCell(text: string, type: ColumnType): ParsedCell {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  switch (type.kind) {
    case "text":
    case "longText":
    case "period":
    case "people": {
      // Kept exactly as typed (only Windows line breaks are normalised).
      const value = text.replace(/\r\n?/g, "\n");
      return value.length > MAX_CELL_TEXT_LENGTH
        ? refuse({ kind: "tooLong", max: MAX_CELL_TEXT_LENGTH })
        : checked(value, type);
    }
    case "enum": {
      const wanted = trimmed.toLocaleLowerCase("ru");
      const option = type.options.find((o) => o.toLocaleLowerCase("ru") === wanted);
      return option === undefined ? refuse({ kind: "option", options: type.options }) : checked(option, type);
    }
    case "number": {
      const n = parseRussianNumber(trimmed);
      return n === undefined ? refuse({ kind: "number" }) : checkNumber(n, type);
    }
    case "date": {
      const iso = parseDate(trimmed);
      return iso === undefined ? refuse({ kind: "date" }) : checked(iso, type);
    }
    case "boolean": {
      const yes = parseBoolean(trimmed);
      return yes === undefined ? refuse({ kind: "boolean" }) : checked(yes, type);
    }
    case "rowNumber":
    case "share":
      return refuse({ kind: "computed" });
  }
}

/** A number (typed, or a number cell of a file) against a number column's limits. */
export function checkNumber(n: number, type: Extract<ColumnType, { kind: "number" }>): ParsedCell {
  if (!Number.isFinite(n)) return refuse({ kind: "number" });
  if (type.integer && !Number.isInteger(n)) return refuse({ kind: "integer" });
  if (type.min !== undefined && n < type.min) return refuse({ kind: "min", min: type.min });
  if (type.max !== undefined && n > type.max) return refuse({ kind: "max", max: type.max });
  return checked(n, type);
}

const SPACES = "[ \\u00a0\\u202f\\u2009]";
/** Digits grouped by three with spaces: «1 234», «12 345 678,5» (Excel's Russian format puts a no-break space). */
const GROUPED = new RegExp(`^[-+]?\\d{1,3}(?:${SPACES}\\d{3})+(?:[.,]\\d+)?$`);
const PLAIN = /^[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[-+]?\d+)?$/i;

/**
 * "1 234,5", "1234.5", "−3" → the number; undefined when the text is not one
 * number. A comma or a point is the decimal separator (never a thousands
 * one: «2,5» is two and a half, not 25); spaces may only group thousands.
 */
export function parseRussianNumber(text: string): number | undefined {
  const source = text.trim().replace(/^\u2212/, "-");
  let compact: string;
  if (GROUPED.test(source)) compact = source.replace(/[ \u00a0\u202f\u2009]/g, "");
  else if (PLAIN.test(source)) compact = source;
  else return undefined;
  const n = Number(compact.replace(",", "."));
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

/** «Да», «нет», "true", "1", "✓"… → true or false; undefined for other words. */
export function parseBoolean(text: string): boolean | undefined {
  const word = text.trim().toLocaleLowerCase("ru");
  if (YES_WORDS.includes(word)) return true;
  if (NO_WORDS.includes(word)) return false;
  return undefined;
}

/** The schema has the last word, so a value accepted here is one the document accepts. */
function checked(value: CellValue, type: ColumnType): ParsedCell {
  return cellValueSchema(type).safeParse(value).success ? { ok: true, value } : refuse({ kind: "invalid" });
}

function refuse(refusal: CellRefusal): ParsedCell {
  return { ok: false, refusal };
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
