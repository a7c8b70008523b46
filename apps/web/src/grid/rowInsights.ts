import type { RowSnapshot } from "@karta/doc";
import {
  DONE_STATUS,
  describePeriod,
  isOverdue,
  type PeriodContext,
  type PeriodMeaning,
  parsePeriod,
  readsAsDate,
  type TableProblem,
  tableProblems,
} from "@karta/domain";
import type { TableTemplate } from "@karta/schema";

interface OneRow {
  readonly problems: readonly TableProblem[];
  /** The deadline the Сроки text was read as, when the row is overdue; null otherwise. */
  readonly deadline: string | null;
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
  /**
   * What each Сроки text means: a roadmap repeats a few dozen texts («В
   * течение учебного года») over its rows, and reading one is the costly part.
   */
  private readonly meanings = new Map<string, PeriodMeaning>();
  private readonly dateReadings = new Map<string, boolean>();
  private readonly options: { readonly readsAsDate: (text: string) => boolean };
  /** The Сроки column (the first of type period) and the status column, as overdueRowIds finds them. */
  private readonly period: string | undefined;
  private readonly status: string | undefined;

  constructor(
    private readonly template: TableTemplate,
    private readonly context: PeriodContext,
    /** Today (ISO date) when overdue marks are shown; null: none are. */
    private readonly today: string | null,
  ) {
    this.options = { readsAsDate: (text) => this.readsAsDate(text) };
    this.period = template.columns.find((c) => c.type.kind === "period")?.id;
    this.status = template.columns.find((c) => c.type.kind === "enum" && c.type.options.includes(DONE_STATUS))?.id;
  }

  /**
   * The same as tableProblems and overdueRowIds over `rows`, with the
   * deadline of each overdue row for its mark (as buildCellFlags words it).
   */
  of(rows: readonly RowSnapshot[]): {
    problems: TableProblem[];
    overdue: Set<string>;
    deadlines: Map<string, string>;
  } {
    const problems: TableProblem[] = [];
    const overdue = new Set<string>();
    const deadlines = new Map<string, string>();
    for (const row of rows) {
      const one = this.row(row);
      for (const problem of one.problems) problems.push(problem);
      if (one.deadline !== null) {
        overdue.add(row.id);
        deadlines.set(row.id, one.deadline);
      }
    }
    return { problems, overdue, deadlines };
  }

  private row(row: RowSnapshot): OneRow {
    const known = this.seen.get(row.cells);
    if (known) return known;
    const one: OneRow = { problems: tableProblems(this.template, [row], this.options), deadline: this.deadline(row) };
    this.seen.set(row.cells, one);
    return one;
  }

  /**
   * overdueRowIds for one row, and the deadline its mark explains
   * (describePeriod): the Сроки text is parsed once for both.
   */
  private deadline(row: RowSnapshot): string | null {
    if (this.today === null || this.period === undefined) return null;
    const text = row.cells[this.period];
    if (typeof text !== "string") return null;
    const done = this.status !== undefined && row.cells[this.status] === DONE_STATUS;
    const meaning = this.meaning(text);
    return isOverdue(meaning, done, this.today) ? describePeriod(meaning) : null;
  }

  private meaning(text: string): PeriodMeaning {
    let meaning = this.meanings.get(text);
    if (meaning === undefined) {
      meaning = parsePeriod(text, this.context);
      this.meanings.set(text, meaning);
    }
    return meaning;
  }

  private readsAsDate(text: string): boolean {
    let reads = this.dateReadings.get(text);
    if (reads === undefined) {
      reads = readsAsDate(text, this.context);
      this.dateReadings.set(text, reads);
    }
    return reads;
  }
}
