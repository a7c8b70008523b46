import { type Anchor, MAX_QUOTE_LENGTH, type TextAnchor } from "@karta/doc";
import type { CellValue, ColumnTemplate, TableTemplate } from "@karta/schema";
import { messages } from "../messages.ts";

/** Where a thread stands, as the discussion panel says it. */
export interface AnchorPlace {
  /** «Сроки, строка 3», «Цель», «Документ целиком». */
  readonly label: string;
  /** What the thread was about: the row's main text or the phrase, as they were when it was opened. */
  readonly quote: string | null;
  /** «Строка удалена», «Текст удалён»: its place is gone (the thread stays); null while it is there. */
  readonly gone: string | null;
  /** № of the commented row now (cells only; null when the row is gone). */
  readonly rowNumber: number | null;
}

/** What describing an anchor needs to know of the document now. */
export interface AnchorContext {
  /** The table's title, when the document has several tables (else null: the column says enough). */
  tableTitle(tableId: string): string | null;
  columnTitle(tableId: string, columnId: string): string | null;
  /** № of the row, or null if it was deleted. */
  rowNumber(tableId: string, rowId: string): number | null;
  sectionTitle(sectionId: string): string | null;
  /** Whether the phrase's text was removed (its range collapsed or its paragraph deleted). */
  textGone(anchor: TextAnchor): boolean;
}

/** A thread's place, in words, with what it was about and whether that is gone. */
export function describeAnchor(anchor: Anchor, context: AnchorContext): AnchorPlace {
  switch (anchor.kind) {
    case "document":
      return { label: messages.comments.wholeDocument, quote: null, gone: null, rowNumber: null };
    case "cell": {
      const column = context.columnTitle(anchor.table, anchor.columnId) ?? anchor.columnId;
      const table = context.tableTitle(anchor.table);
      const rowNumber = context.rowNumber(anchor.table, anchor.rowId);
      const place = rowNumber === null ? column : messages.comments.cellPlace(column, rowNumber);
      return {
        label: table ? messages.comments.inTable(table, place) : place,
        quote: anchor.quote || null,
        gone: rowNumber === null ? messages.comments.rowDeleted : null,
        rowNumber,
      };
    }
    case "text":
      return {
        label: context.sectionTitle(anchor.section) ?? anchor.section,
        quote: anchor.quote || null,
        gone: context.textGone(anchor) ? messages.comments.textDeleted : null,
        rowNumber: null,
      };
  }
}

/**
 * The column that says what a row is about: the first required text column
 * («Мероприятие»), else the first text column. Null for a table without one.
 */
export function mainColumn(table: TableTemplate): ColumnTemplate | null {
  const texts = table.columns.filter((c) => c.type.kind === "longText" || c.type.kind === "text");
  return texts.find((c) => c.required) ?? texts[0] ?? null;
}

/** A row's main text, shortened to what an anchor keeps: what a cell's thread was about if its row goes. */
export function rowQuote(table: TableTemplate, cells: Readonly<Record<string, CellValue>>): string {
  const column = mainColumn(table);
  const value = column ? cells[column.id] : null;
  return shorten(typeof value === "string" ? value : value === null || value === undefined ? "" : String(value));
}

/** Collapses white space and cuts a quote to MAX_QUOTE_LENGTH (with «…» when cut). */
export function shorten(text: string, max = MAX_QUOTE_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
