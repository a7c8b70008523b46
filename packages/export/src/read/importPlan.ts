import { type CellRefusal, parseSheetValue, type SheetValue, sheetValueText } from "@karta/domain";
import { type CellValue, type ColumnTemplate, isDerived, type TableTemplate } from "@karta/schema";
import { isBlank } from "./sheet.ts";
import { columnLetter, normaliseTitle, titlesOverlap } from "./titles.ts";

/**
 * What an import would write, decided before anything is written: where the
 * header is, which file column feeds which template column (a suggestion the
 * person may change), every cell read by its column's type through the one
 * parser of @karta/domain, and the rows and columns that are wrong.
 */

/** Template column id → index of the file column it is read from (null: not imported). */
export type ColumnMapping = Readonly<Record<string, number | null>>;

export interface FileColumn {
  readonly index: number;
  /** The header's text, or the column's letter when the file has no header. */
  readonly label: string;
  readonly letter: string;
}

export interface ImportIssue {
  /** The row number the spreadsheet shows (1-based). */
  readonly row: number;
  readonly columnId: string;
  /** The template column's title, as the grid shows it. */
  readonly column: string;
  /** The cell as it reads in the file. */
  readonly text: string;
  readonly refusal: CellRefusal;
}

export interface ImportPlan {
  /** The rows to write, in the file's order, cells by column id (empty cells left out). */
  readonly rows: readonly Readonly<Record<string, CellValue>>[];
  /** The file's row number of each row to write. */
  readonly sourceRows: readonly number[];
  /** Every cell a column refused; while there is one, nothing is written. */
  readonly issues: readonly ImportIssue[];
  /** Row numbers read as the computed total («Итого», «Всего:») and skipped. */
  readonly totalRows: readonly number[];
  /** Rows with nothing in the imported columns, skipped. */
  readonly emptyRows: number;
}

/**
 * Rows looked at for the header: an order's appendix puts its block, title
 * and numbered text above the table (Karta's own export of the demo roadmap:
 * the header is row 31), and a long preamble runs to a hundred rows and more.
 */
const HEADER_SCAN_ROWS = 500;

/** The columns an import writes: not computed (№, shares), not set by the template (locked). */
export function importableColumns(table: TableTemplate): ColumnTemplate[] {
  return table.columns.filter((c) => !isDerived(c.type) && !c.locked);
}

/** The titles a column is known by: the grid's and the official form's. */
function titlesOf(column: ColumnTemplate): string[] {
  return [column.title, column.officialTitle ?? ""].map(normaliseTitle).filter((t) => t !== "");
}

/**
 * The header row (0-based): among the first rows, the first that names the
 * most of the table's columns (№ and computed columns count too: an exported
 * file has them) by their very titles; failing that, by overlapping wordings
 * (an older template's «Сроки и периодичность»). null when no row names any.
 */
export function findHeaderRow(table: TableTemplate, rows: readonly (readonly SheetValue[])[]): number | null {
  const scanned = rows.slice(0, HEADER_SCAN_ROWS);
  for (const overlap of [false, true]) {
    let best: number | null = null;
    let bestScore = 0;
    scanned.forEach((row, index) => {
      const score = titleMatches(table, row, overlap);
      if (score > bestScore) {
        best = index;
        bestScore = score;
      }
    });
    if (best !== null) return best;
  }
  return null;
}

/** How many of the table's columns a row names: by the same title, or also by an overlapping wording. */
function titleMatches(table: TableTemplate, row: readonly SheetValue[], overlap: boolean): number {
  const cells = row.map((v) => (typeof v === "string" ? normaliseTitle(v) : "")).filter((t) => t !== "");
  if (cells.length === 0) return 0;
  return table.columns.filter((column) =>
    titlesOf(column).some((title) => cells.some((cell) => cell === title || (overlap && titlesOverlap(cell, title)))),
  ).length;
}

/** The file's columns, named by the header row (or by letter). */
export function fileColumns(rows: readonly (readonly SheetValue[])[], headerRow: number | null): FileColumn[] {
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  const header = headerRow === null ? [] : (rows[headerRow] ?? []);
  return Array.from({ length: width }, (_, index) => {
    const letter = columnLetter(index);
    const text = sheetValueText(header[index] ?? null)
      .replace(/\s+/g, " ")
      .trim();
    return { index, letter, label: text || letter };
  });
}

/**
 * Each importable column mapped to the header cell that names it: the same
 * title first (the grid's or the official one), then a wording that begins
 * with it or that it begins with («Сроки и периодичность» for «Сроки и
 * периодичность проведения мероприятий»). A file column feeds one column.
 */
export function suggestMapping(table: TableTemplate, header: readonly SheetValue[]): ColumnMapping {
  const cells = header.map((v) => (typeof v === "string" ? normaliseTitle(v) : ""));
  const used = new Set<number>();
  const mapping: Record<string, number | null> = {};
  const columns = importableColumns(table);
  const pick = (column: ColumnTemplate, matches: (cell: string, title: string) => boolean) => {
    if (mapping[column.id] !== undefined && mapping[column.id] !== null) return;
    const titles = titlesOf(column);
    const index = cells.findIndex((cell, i) => cell !== "" && !used.has(i) && titles.some((t) => matches(cell, t)));
    mapping[column.id] = index < 0 ? null : index;
    if (index >= 0) used.add(index);
  };
  for (const column of columns) pick(column, (cell, title) => cell === title);
  for (const column of columns) pick(column, titlesOverlap);
  return mapping;
}

/** Rows between the header and the data that belong to the header: a second header line, the columns' numbers (1, 2, 3…). */
function headerTail(table: TableTemplate, rows: readonly (readonly SheetValue[])[], first: number): number {
  let index = first;
  for (;;) {
    const row = rows[index];
    if (!row) return index;
    const filled = row.filter((v) => !isBlank(v));
    if (filled.length === 0) return index;
    const numbered = filled.length > 1 && filled.every((v, i) => Number(sheetValueText(v)) === i + 1);
    const titles = titleMatches(table, row, false) > 0 && filled.every((v) => typeof v === "string");
    if (!numbered && !titles) return index;
    index += 1;
  }
}

const TOTAL_WORDS = ["итого", "всего"];

/** The computed total row of an exported table: its first filled cell says «Итого» or «Всего:». */
function isTotalRow(table: TableTemplate, row: readonly SheetValue[]): boolean {
  const first = row.find((v) => !isBlank(v));
  if (typeof first !== "string") return false;
  const word = normaliseTitle(first).replace(/[:.]$/, "");
  const label = table.totals ? normaliseTitle(table.totals.label).replace(/[:.]$/, "") : null;
  return TOTAL_WORDS.includes(word) || word === label;
}

/**
 * Reads every data row (after the header, or from the top when there is none)
 * into the mapped columns. Nothing is written here: the plan says what would
 * be, and what is wrong.
 */
export function planImport(
  table: TableTemplate,
  rows: readonly (readonly SheetValue[])[],
  headerRow: number | null,
  mapping: ColumnMapping,
): ImportPlan {
  const columns = importableColumns(table)
    .map((column) => ({ column, source: mapping[column.id] ?? null }))
    .filter((c): c is { column: ColumnTemplate; source: number } => c.source !== null);
  const planned: Record<string, CellValue>[] = [];
  const sourceRows: number[] = [];
  const issues: ImportIssue[] = [];
  const totalRows: number[] = [];
  let emptyRows = 0;
  const start = headerRow === null ? 0 : headerTail(table, rows, headerRow + 1);
  for (let index = start; index < rows.length; index++) {
    const row = rows[index] ?? [];
    const rowNumber = index + 1;
    if (isTotalRow(table, row)) {
      totalRows.push(rowNumber);
      continue;
    }
    if (columns.every(({ source }) => isBlank(row[source] ?? null))) {
      emptyRows += 1;
      continue;
    }
    const cells: Record<string, CellValue> = {};
    for (const { column, source } of columns) {
      const raw = row[source] ?? null;
      const parsed = parseSheetValue(raw, column.type);
      if (!parsed.ok) {
        issues.push({
          row: rowNumber,
          columnId: column.id,
          column: column.title,
          text: sheetValueText(raw),
          refusal: parsed.refusal,
        });
      } else if (parsed.value !== null) {
        cells[column.id] = parsed.value;
      }
    }
    planned.push(cells);
    sourceRows.push(rowNumber);
  }
  return { rows: planned, sourceRows, issues, totalRows, emptyRows };
}
