import type { TableTemplate } from "@karta/schema";
import type { PlainRow } from "./computed.ts";

/**
 * Something in a table a person should look at. The data stays as typed:
 * these are flags shown in the cell and in the document's list, not refusals.
 */
export type TableProblem =
  | { readonly kind: "required"; readonly rowId: string; readonly columnId: string }
  | {
      readonly kind: "sumMismatch";
      readonly rowId: string;
      readonly columns: readonly string[];
      readonly total: string;
      readonly sum: number;
      readonly expected: number;
    }
  | { readonly kind: "unreadableDate"; readonly rowId: string; readonly columnId: string; readonly text: string };

export interface ProblemOptions {
  /** Whether a text in a date-like Сроки column reads as a date (from the period parser). */
  readonly readsAsDate: (text: string) => boolean;
}

/** Every problem of a table, in row order then column order. */
export function tableProblems(
  table: TableTemplate,
  rows: readonly PlainRow[],
  options: ProblemOptions,
): TableProblem[] {
  const problems: TableProblem[] = [];
  for (const row of rows) {
    // A fresh row (empty, or holding only what the template wrote, like a risk profile's
    // factor) is work not yet started, not a mistake.
    if (isBlank(table, row)) continue;
    for (const column of table.columns) {
      const value = row.cells[column.id];
      const empty = value === undefined || value === null || value === "";
      if (column.required && empty) problems.push({ kind: "required", rowId: row.id, columnId: column.id });
      if (column.type.kind === "period" && column.type.expectsDate && typeof value === "string" && value.trim()) {
        if (!options.readsAsDate(value)) {
          problems.push({ kind: "unreadableDate", rowId: row.id, columnId: column.id, text: value });
        }
      }
    }
    for (const check of table.checks ?? []) {
      const parts = check.columns.map((id) => row.cells[id]);
      const expected = row.cells[check.total];
      // Only when every number is there: a half-filled row is not yet wrong.
      if (typeof expected !== "number" || !parts.every((v) => typeof v === "number")) continue;
      const sum = (parts as number[]).reduce((a, b) => a + b, 0);
      if (sum !== expected) {
        problems.push({
          kind: "sumMismatch",
          rowId: row.id,
          columns: check.columns,
          total: check.total,
          sum,
          expected,
        });
      }
    }
  }
  return problems;
}

function isBlank(table: TableTemplate, row: PlainRow): boolean {
  const locked = new Set(table.columns.filter((c) => c.locked).map((c) => c.id));
  return Object.entries(row.cells).every(([id, v]) => locked.has(id) || v === undefined || v === null || v === "");
}
