import type { RowSnapshot } from "@karta/doc";
import { overdueRowIds, type PeriodContext, readsAsDate, type TableProblem, tableProblems } from "@karta/domain";
import type { TableTemplate } from "@karta/schema";

interface OneRow {
  readonly problems: readonly TableProblem[];
  readonly overdue: boolean;
}

/**
 * Problems and the overdue mark of each row, remembered by the row's cells:
 * the table model keeps the cells object of every row an edit did not touch
 * (even when a row above was added and its № changed), so after an edit only
 * the touched rows are checked again (reading dates is the costly part),
 * not all 10,000. Made for one template, year and day: a new one when any
 * of them changes.
 */
export class RowInsights {
  private readonly seen = new WeakMap<object, OneRow>();
  private readonly options: { readonly readsAsDate: (text: string) => boolean };

  constructor(
    private readonly template: TableTemplate,
    private readonly context: PeriodContext,
    /** Today (ISO date) when overdue marks are shown; null: none are. */
    private readonly today: string | null,
  ) {
    this.options = { readsAsDate: (text) => readsAsDate(text, context) };
  }

  /** The same as tableProblems and overdueRowIds over `rows`. */
  of(rows: readonly RowSnapshot[]): { problems: TableProblem[]; overdue: Set<string> } {
    const problems: TableProblem[] = [];
    const overdue = new Set<string>();
    for (const row of rows) {
      const one = this.row(row);
      for (const problem of one.problems) problems.push(problem);
      if (one.overdue) overdue.add(row.id);
    }
    return { problems, overdue };
  }

  private row(row: RowSnapshot): OneRow {
    const known = this.seen.get(row.cells);
    if (known) return known;
    const one: OneRow = {
      problems: tableProblems(this.template, [row], this.options),
      overdue: this.today !== null && overdueRowIds(this.template, [row], this.context, this.today).size > 0,
    };
    this.seen.set(row.cells, one);
    return one;
  }
}
