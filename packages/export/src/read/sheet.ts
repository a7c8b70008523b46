import type { SheetValue } from "@karta/domain";

/**
 * What a reader gives: a file's sheets as rows of cells (text, number,
 * yes/no, date or empty), rows and columns in the file's order from its top
 * left cell, so row index + 1 is the row number the spreadsheet shows.
 */
export interface Sheet {
  readonly name: string;
  readonly rows: readonly (readonly SheetValue[])[];
}

/** A file that is not what its name says, or cannot be read at all. */
export class UnreadableFileError extends Error {
  constructor(
    readonly kind: "xlsx" | "csv" | "format",
    options?: { cause?: unknown },
  ) {
    super(`unreadable ${kind} file`, options);
    this.name = "UnreadableFileError";
  }
}

/** Drops the empty cells at the end of each row and the empty rows at the end of the sheet. */
export function trimSheet(rows: readonly (readonly SheetValue[])[]): SheetValue[][] {
  const trimmed = rows.map((row) => {
    let end = row.length;
    while (end > 0 && isBlank(row[end - 1] ?? null)) end -= 1;
    return row.slice(0, end);
  });
  while (trimmed.length > 0 && (trimmed.at(-1)?.length ?? 0) === 0) trimmed.pop();
  return trimmed;
}

export function isBlank(value: SheetValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}
