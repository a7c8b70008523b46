import type { KartaDocument } from "@karta/doc";
import { computedCells, type PlainRow, totalRow } from "@karta/domain";
import {
  type CellValue,
  type ColumnTemplate,
  printedColumns,
  printedColumnTitle,
  type TableTemplate,
} from "@karta/schema";
import type {
  ExportColumn,
  ExportColumnKind,
  ExportDocument,
  ExportOrder,
  ExportSection,
  ExportTable,
  ExportValue,
  TextBlock,
} from "./model.ts";
import { blocksOf, type LiveFigureRef, type LiveFigureResolver, liveFiguresIn } from "./richText.ts";

/** What the document itself does not hold: where it stands and whose it is. */
export interface ExportInfo {
  /** The centred bold title as printed («Дорожная карта … на 2022 год»). */
  readonly title: string;
  /** Whose order it is the appendix of: «начальника управления образования администрации …». */
  readonly authority: string;
  /** The approving order, or null while there is none («от ______ № ____»). */
  readonly order: ExportOrder | null;
  /** The current value of a live figure as text; without it a figure prints «—». */
  readonly figure?: LiveFigureResolver;
}

/** Grid widths are in pixels; a column without one gets this. */
const DEFAULT_WIDTH = 150;
const NO_FIGURE: LiveFigureResolver = () => "—";

/**
 * The document as it reads on paper, computed once for every writer: № from the
 * rows' order, shares (as fractions) and the total row from @karta/domain, text
 * columns as typed, sections' rich text as blocks with live figures as their
 * current values. Sections with no text are left out.
 */
export function exportModelOf(document: KartaDocument, info: ExportInfo): ExportDocument {
  const figure = info.figure ?? NO_FIGURE;
  const sections: ExportSection[] = [];
  for (const section of document.template.sections) {
    const blocks = blocksOf(document.section(section.id), figure);
    if (!blocks.some(hasText)) continue;
    sections.push({ id: section.id, title: section.title, titleInPrint: section.titleInPrint !== false, blocks });
  }
  return {
    title: info.title,
    authority: info.authority,
    order: info.order,
    sections,
    tables: document.template.tables.map((table) => exportTableOf(table, document.table(table.id).rows())),
  };
}

/** Every live figure in the document's sections, so that a caller can compute their values first. */
export function liveFiguresOf(document: KartaDocument): LiveFigureRef[] {
  return document.template.sections.flatMap((s) => liveFiguresIn(document.section(s.id)));
}

/** One table: columns as printed, rows numbered and computed, the total row when the template has one. */
export function exportTableOf(
  table: TableTemplate,
  rows: readonly (PlainRow & { readonly number: number })[],
): ExportTable {
  const printed = printedColumns(table);
  const columns = printed.map(exportColumnOf);
  const total = totalRow(table, rows);
  return {
    id: table.id,
    title: table.title,
    columns,
    rows: rows.map((row) => {
      const computed = computedCells(table, row);
      return printed.map((column) =>
        column.type.kind === "rowNumber"
          ? row.number
          : column.type.kind === "share"
            ? fraction(computed[column.id])
            : cellValue(column, row.cells[column.id]),
      );
    }),
    total: total
      ? printed.map((column) =>
          column.type.kind === "share" ? fraction(total[column.id]) : cellValue(column, total[column.id]),
        )
      : null,
  };
}

export function exportColumnOf(column: ColumnTemplate): ExportColumn {
  return {
    id: column.id,
    title: printedColumnTitle(column),
    kind: kindOf(column),
    width: column.width ?? DEFAULT_WIDTH,
  };
}

function kindOf(column: ColumnTemplate): ExportColumnKind {
  const type = column.type;
  switch (type.kind) {
    case "rowNumber":
    case "share":
    case "date":
    case "boolean":
      return type.kind;
    case "number":
      return type.integer ? "integer" : "number";
    default:
      return "text";
  }
}

/** A stored value as the column's kind prints it; anything of another type (an old or foreign value) as text. */
function cellValue(column: ColumnTemplate, value: CellValue | undefined): ExportValue {
  if (value === undefined || value === null || value === "") return null;
  switch (kindOf(column)) {
    case "integer":
    case "number":
      return typeof value === "number" ? value : String(value);
    case "boolean":
      return typeof value === "boolean" ? value : String(value);
    case "date":
      return typeof value === "string" ? value : String(value);
    default:
      return typeof value === "string" ? value : String(value);
  }
}

/** A share in percent (one decimal) as the fraction a spreadsheet formats as a percentage: 55.2 → 0.552. */
function fraction(percent: CellValue | undefined): number | null {
  return typeof percent === "number" ? Math.round(percent * 10) / 1000 : null;
}

function hasText(block: TextBlock): boolean {
  switch (block.kind) {
    case "paragraph":
    case "heading":
      return block.runs.some((r) => r.text.trim() !== "");
    case "list":
      return block.items.some((item) => item.some(hasText));
    case "table":
      return block.rows.some((row) => row.some((cell) => cell.blocks.some(hasText)));
  }
}
