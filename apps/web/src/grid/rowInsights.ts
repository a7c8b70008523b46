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
import { messages } from "../messages.ts";
import { cellKey, describeProblem, problemsByCell } from "../problems/problemCells.ts";
import type { CellFlag } from "./cellFlags.ts";

interface OneRow {
  readonly problems: readonly TableProblem[];
  /** The deadline the Сроки text was read as, when the row is overdue; null otherwise. */
  readonly deadline: string | null;
  /** The row's cell flags (buildCellFlags for this row), by cell key; the same objects while the row is unchanged. */
  readonly flags: readonly (readonly [string, CellFlag])[];
}

/** What the rows of a table say beyond their values (RowInsights.of). */
export interface Findings {
  /** tableProblems, in row order. */
  readonly problems: readonly TableProblem[];
  /** overdueRowIds. */
  readonly overdue: ReadonlySet<string>;
  /** buildCellFlags of the problems and overdue rows, by cell key. */
  readonly flags: ReadonlyMap<string, CellFlag>;
  /** The cells whose flag may have changed since the previous call; null: any may have. */
  readonly changedKeys: readonly string[] | null;
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
  /** The overdue sentence of each deadline (thousands of rows share a few dozen). */
  private readonly overdueSentences = new Map<string, string>();
  /** What the last call of `of` found, row by row (by position). */
  private last: {
    rows: readonly RowSnapshot[];
    perRow: OneRow[];
    flags: Map<string, CellFlag>;
    findings: Findings;
  } | null = null;

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
   * deadline of each overdue row for its mark, and the cell flags
   * buildCellFlags makes of them.
   *
   * Kept from the previous call: when `rows` holds the same rows in the same
   * order (an edit that adds, deletes or moves none), only rows whose cells
   * object changed are looked at again, and `changedKeys` names the cells
   * whose flag may differ; the flags map is then the same object, changed in
   * place. Otherwise everything is gathered anew (each row's findings are
   * still remembered by its cells) and `changedKeys` is null. `problems` and
   * `overdue` are the same objects while they do not change.
   */
  of(rows: readonly RowSnapshot[]): Findings {
    const last = this.last;
    const changed = last === null ? null : changedPositions(last.rows, rows);
    if (last === null || changed === null) return this.gather(rows);
    const changedKeys: string[] = [];
    let problemsChanged = false;
    let overdueChanged = false;
    for (const at of changed) {
      const row = rows[at] as RowSnapshot;
      const before = last.perRow[at] as OneRow;
      const after = this.row(row);
      if (after === before) continue;
      last.perRow[at] = after;
      for (const [key] of before.flags) {
        last.flags.delete(key);
        changedKeys.push(key);
      }
      for (const [key, flag] of after.flags) {
        last.flags.set(key, flag);
        changedKeys.push(key);
      }
      if (before.problems.length > 0 || after.problems.length > 0) problemsChanged = true;
      if (before.deadline !== after.deadline) overdueChanged = true;
    }
    const findings: Findings = {
      problems: problemsChanged ? last.perRow.flatMap((one) => one.problems) : last.findings.problems,
      overdue: overdueChanged ? overdueOf(rows, last.perRow) : last.findings.overdue,
      flags: last.flags,
      changedKeys,
    };
    this.last = { ...last, rows, findings };
    return findings;
  }

  private gather(rows: readonly RowSnapshot[]): Findings {
    const perRow = rows.map((row) => this.row(row));
    const flags = new Map<string, CellFlag>();
    for (const one of perRow) for (const [key, flag] of one.flags) flags.set(key, flag);
    const findings: Findings = {
      problems: perRow.flatMap((one) => one.problems),
      overdue: overdueOf(rows, perRow),
      flags,
      changedKeys: null,
    };
    this.last = { rows, perRow, flags, findings };
    return findings;
  }

  private row(row: RowSnapshot): OneRow {
    const known = this.seen.get(row.cells);
    if (known) return known;
    const problems = tableProblems(this.template, [row], this.options);
    const deadline = this.deadline(row);
    const one: OneRow = { problems, deadline, flags: this.flagsOf(row.id, problems, deadline) };
    this.seen.set(row.cells, one);
    return one;
  }

  /** buildCellFlags for one row: each problem on its cell, the overdue mark on the Сроки cell. */
  private flagsOf(
    rowId: string,
    problems: readonly TableProblem[],
    deadline: string | null,
  ): (readonly [string, CellFlag])[] {
    if (problems.length === 0 && deadline === null) return [];
    const flags = new Map<string, CellFlag>();
    for (const [key, list] of problemsByCell(problems)) {
      flags.set(key, { problems: list.map((p) => describeProblem(p, this.template)), overdue: null });
    }
    if (deadline !== null && this.period !== undefined) {
      const key = cellKey(rowId, this.period);
      flags.set(key, { problems: flags.get(key)?.problems ?? [], overdue: this.overdueSentence(deadline) });
    }
    return [...flags];
  }

  private overdueSentence(deadline: string): string {
    let sentence = this.overdueSentences.get(deadline);
    if (sentence === undefined) {
      sentence = messages.cells.overdue(deadline);
      this.overdueSentences.set(deadline, sentence);
    }
    return sentence;
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

/** Positions whose cells changed, when `next` holds the same rows as `prev` in the same order; else null. */
function changedPositions(prev: readonly RowSnapshot[], next: readonly RowSnapshot[]): number[] | null {
  if (prev.length !== next.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < next.length; i++) {
    const a = prev[i] as RowSnapshot;
    const b = next[i] as RowSnapshot;
    if (a === b) continue;
    if (a.id !== b.id) return null;
    if (a.cells !== b.cells) changed.push(i);
  }
  return changed;
}

function overdueOf(rows: readonly RowSnapshot[], perRow: readonly OneRow[]): Set<string> {
  const overdue = new Set<string>();
  perRow.forEach((one, i) => {
    if (one.deadline !== null) overdue.add((rows[i] as RowSnapshot).id);
  });
  return overdue;
}
