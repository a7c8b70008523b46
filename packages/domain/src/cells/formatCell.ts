import type { CellValue, ColumnType } from "@karta/schema";

/**
 * How a stored cell value reads as text: on screen, on the clipboard, in an
 * export, and when a file's number or date lands in a text column. Russian
 * habits (DOMAIN "Values that need care"): a decimal comma, ДД.ММ.ГГГГ dates.
 * `parseCell` reads every text written here back to the same value.
 */

/** The words a yes/no cell shows. */
export const BOOLEAN_TEXT = { yes: "Да", no: "Нет" } as const;

/** The text for a stored value of a column. */
export function formatCell(value: CellValue | undefined, type: ColumnType): string {
  if (value === null || value === undefined) return "";
  switch (type.kind) {
    case "number":
      return typeof value === "number" ? formatNumber(value) : String(value);
    case "date":
      return typeof value === "string" ? isoToRussianDate(value) : String(value);
    case "boolean":
      return value === true ? BOOLEAN_TEXT.yes : value === false ? BOOLEAN_TEXT.no : String(value);
    default:
      return String(value);
  }
}

/** 55.2 → "55,2"; no thousands separators, so the text pastes back into any spreadsheet. */
export function formatNumber(value: number): string {
  return String(value).replace(".", ",");
}

/** "2022-03-05" → "05.03.2022"; other text is shown as it is. */
export function isoToRussianDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}
