import type { TableProblem } from "@karta/domain";
import type { TableTemplate } from "@karta/schema";
import { messages } from "../messages.ts";

/** A cell by ids, as the grid and the problems list name it. */
export interface ProblemCell {
  readonly rowId: string;
  readonly colId: string;
}

/**
 * The cell a problem is shown on: the empty or unreadable cell itself, and
 * for a sum that does not add up, the total it should equal (the one number
 * a person checks first; the parts are named in the explanation).
 */
export function problemCell(problem: TableProblem): ProblemCell {
  switch (problem.kind) {
    case "required":
    case "unreadableDate":
      return { rowId: problem.rowId, colId: problem.columnId };
    case "sumMismatch":
      return { rowId: problem.rowId, colId: problem.total };
  }
}

/** The key of a cell in lookups (ids never hold a NUL). */
export function cellKey(rowId: string, colId: string): string {
  return `${rowId}\u0000${colId}`;
}

/** The cell a key names. */
export function splitCellKey(key: string): ProblemCell {
  const at = key.indexOf("\u0000");
  return { rowId: key.slice(0, at), colId: key.slice(at + 1) };
}

/** Problems grouped by the cell they are shown on, in the order given. */
export function problemsByCell(problems: readonly TableProblem[]): Map<string, TableProblem[]> {
  const byCell = new Map<string, TableProblem[]>();
  for (const problem of problems) {
    const { rowId, colId } = problemCell(problem);
    const key = cellKey(rowId, colId);
    const list = byCell.get(key);
    if (list) list.push(problem);
    else byCell.set(key, [problem]);
  }
  return byCell;
}

/** A column's title without its parenthesised note: «Уровень A (системные)» → «Уровень A». */
export function shortTitle(title: string): string {
  return title.replace(/\s*\([^)]*\)\s*$/, "").trim() || title;
}

function titleOf(table: TableTemplate, columnId: string): string {
  return table.columns.find((c) => c.id === columnId)?.title ?? columnId;
}

/** The Russian sentence explaining a problem, for the cell's tooltip and the list. */
export function describeProblem(problem: TableProblem, table: TableTemplate): string {
  switch (problem.kind) {
    case "required":
      return messages.cells.problemRequired(titleOf(table, problem.columnId));
    case "unreadableDate":
      return messages.cells.problemDate(problem.text);
    case "sumMismatch":
      return messages.cells.problemSum(
        problem.columns.map((id) => shortTitle(titleOf(table, id))).join(" + "),
        problem.sum,
        titleOf(table, problem.total),
        problem.expected,
      );
  }
}
