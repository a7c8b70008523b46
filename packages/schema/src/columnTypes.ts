import { z } from "zod";

/**
 * Column types a template may use. Every stored cell value is a primitive
 * (string, number, boolean or null) so the server can check updates cheaply
 * and a cell is always last-writer-wins as a whole.
 */
export type ColumnType =
  | { kind: "rowNumber" }
  | { kind: "text" }
  | { kind: "longText" }
  /** Сроки: the text as typed; a due date or recurrence is derived from it (@karta/domain). */
  | { kind: "period"; expectsDate?: boolean }
  | { kind: "people" }
  | { kind: "enum"; options: readonly string[] }
  | { kind: "number"; min?: number; max?: number; integer?: boolean }
  | { kind: "date" }
  | { kind: "boolean" }
  /**
   * A percentage computed from two number columns of the same row, e.g. the
   * share of teachers with deficits of level A: `part` / `whole` × 100. Never
   * stored, never typed (DOMAIN §7: the seed's typed shares are wrong).
   */
  | { kind: "share"; part: string; whole: string };

export type ColumnKind = ColumnType["kind"];

/** A value as stored in a cell. `null` means an empty cell. */
export type CellValue = string | number | boolean | null;

/** Upper bound of one text cell; longer text belongs in a rich-text section. */
export const MAX_CELL_TEXT_LENGTH = 20_000;

const text = z.string().max(MAX_CELL_TEXT_LENGTH);

/** ISO calendar date, the storage form of a `date` column (shown as ДД.ММ.ГГГГ). */
export const isoDate = z.iso.date();

/** Built once per column type (templates are constants): the server checks every cell of every update. */
const schemas = new WeakMap<ColumnType, z.ZodType<CellValue>>();

/** The zod schema of one cell's value for a column type; `null` is always allowed. */
export function cellValueSchema(type: ColumnType): z.ZodType<CellValue> {
  let schema = schemas.get(type);
  if (!schema) {
    schema = buildCellValueSchema(type);
    schemas.set(type, schema);
  }
  return schema;
}

/**
 * Whether a value may be stored in a cell of this type: `cellValueSchema`'s
 * verdict, answered without zod for the common cell (text, or empty), which
 * the server checks for every keystroke that reaches it.
 */
export function isValidCellValue(type: ColumnType, value: unknown): boolean {
  if (value === null) return true;
  if (type.kind === "text" || type.kind === "longText" || type.kind === "period" || type.kind === "people") {
    return typeof value === "string" && value.length <= MAX_CELL_TEXT_LENGTH;
  }
  return cellValueSchema(type).safeParse(value).success;
}

function buildCellValueSchema(type: ColumnType): z.ZodType<CellValue> {
  switch (type.kind) {
    case "rowNumber":
    case "share":
      // Derived (from row order, from other cells): never stored.
      return z.null();
    case "text":
    case "longText":
    case "period":
    case "people":
      // Сроки keeps the text exactly as typed; its meaning is derived, never stored instead.
      // Ответственные is free text until the people registry arrives.
      return text.nullable();
    case "enum":
      return z.enum(type.options as [string, ...string[]]).nullable();
    case "number": {
      let n = z.number().finite();
      if (type.integer) n = n.int();
      if (type.min !== undefined) n = n.min(type.min);
      if (type.max !== undefined) n = n.max(type.max);
      return n.nullable();
    }
    case "date":
      return isoDate.nullable();
    case "boolean":
      return z.boolean().nullable();
  }
}

/** True for columns whose values are computed and must never be written. */
export function isDerived(type: ColumnType): boolean {
  return type.kind === "rowNumber" || type.kind === "share";
}
