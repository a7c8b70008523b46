import type { ColumnType } from "./columnTypes.ts";

export interface ColumnTemplate {
  /** Stable key of the column inside a row; never shown. */
  readonly id: string;
  /** The Russian title users know, verbatim from the official form. */
  readonly title: string;
  /**
   * The form's own words, when they are too long for a grid's header (seed 004:
   * «наличие системных дефицитов, требующих устранения (уровень А)»): exports
   * print this, imports match it; the grid shows `title`.
   */
  readonly officialTitle?: string;
  readonly type: ColumnType;
  /** Preferred width in pixels for the grid and exports. */
  readonly width?: number;
  /** An empty cell is flagged in the document's list of problems. */
  readonly required?: boolean;
  /** Filled by the template when the document is created (e.g. the 10 risk factors); nobody edits it. */
  readonly locked?: boolean;
  /**
   * false: the official form has no such column, so exports leave it out (the
   * roadmap's «Статус», kept for the municipality's own monitoring).
   */
  readonly inPrint?: boolean;
}

/** A rule across the cells of a row, flagged when broken (never enforced: the data is the users'). */
export type RowCheck = {
  readonly kind: "sumEquals";
  /** These columns must add up to… */
  readonly columns: readonly string[];
  /** …this column. */
  readonly total: string;
};

export interface TableTemplate {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly ColumnTemplate[];
  /**
   * A computed total row under the table: the label goes in `labelColumn`,
   * number columns in `sum` are added up, share columns are computed from
   * the sums. Never stored.
   */
  readonly totals?: { readonly label: string; readonly labelColumn: string; readonly sum: readonly string[] };
  readonly checks?: readonly RowCheck[];
  /** Rows every new document starts with (e.g. the 10 standard risk factors). */
  readonly initialRows?: readonly Readonly<Record<string, string | number | boolean | null>>[];
}

/** A rich-text part of a document (Tiptap over a Y.XmlFragment), written together. */
export interface SectionTemplate {
  readonly id: string;
  /** Shown above the text, e.g. «Цель программы». */
  readonly title: string;
  /** What to write there, shown while it is empty. */
  readonly hint?: string;
  /**
   * false: exports print the text without the title, because the text carries
   * its own headings (the roadmap's preamble is numbered «1. Цели …:», «2. Задачи …:»).
   */
  readonly titleInPrint?: boolean;
}

/**
 * A table computed from the registry, not typed (DOMAIN §8: the ШНОР list by
 * year is derived from the schools' statuses).
 */
export interface RegistryView {
  readonly id: string;
  readonly title: string;
  readonly source: "schoolStatusesByYear";
}

export type TemplateScope = "school" | "municipality";

export interface DocumentTemplate {
  readonly id: string;
  /** Bumped whenever tables, columns or sections change; stored in each document's meta. */
  readonly version: number;
  readonly title: string;
  /** Whose document it is: one per school or per municipality, per year. */
  readonly scope: TemplateScope;
  /** The parts in reading order: sections, then tables, unless `layout` says otherwise. */
  readonly sections: readonly SectionTemplate[];
  readonly tables: readonly TableTemplate[];
  readonly views?: readonly RegistryView[];
  /** DOMAIN's number of the document (§1–10), for ordering lists the way users know them. */
  readonly domainNumber: number;
  /**
   * The title an export prints, as the official form words it, with `{year}` for
   * the document's year; without it, exports print the document's title.
   */
  readonly printedTitle?: string;
}

/** The words an export prints above a column: the form's own (`officialTitle`), else the grid's. */
export function printedColumnTitle(column: ColumnTemplate): string {
  return column.officialTitle ?? column.title;
}

/** The columns an export prints, in their order: all but those the official form lacks (`inPrint: false`). */
export function printedColumns(table: TableTemplate): ColumnTemplate[] {
  return table.columns.filter((column) => column.inPrint !== false);
}

/** The title an export prints for a document of this template and year. */
export function printedDocumentTitle(template: DocumentTemplate, documentTitle: string, year: number): string {
  return template.printedTitle?.replaceAll("{year}", String(year)) ?? documentTitle;
}

/** Keys a row map uses for itself; a column may not take them. */
export const RESERVED_ROW_KEYS = ["order"] as const;

/** Checks a template's internal consistency once, at definition time. */
export function defineTemplate<T extends DocumentTemplate>(template: T): T {
  const tableIds = new Set<string>();
  for (const table of template.tables) {
    if (tableIds.has(table.id)) throw new Error(`${template.id}: duplicate table ${table.id}`);
    tableIds.add(table.id);
    const columnIds = new Set<string>();
    for (const column of table.columns) {
      if (columnIds.has(column.id) || (RESERVED_ROW_KEYS as readonly string[]).includes(column.id)) {
        throw new Error(`${template.id}.${table.id}: bad column id ${column.id}`);
      }
      columnIds.add(column.id);
    }
    for (const column of table.columns) {
      if (column.type.kind !== "share") continue;
      for (const ref of [column.type.part, column.type.whole]) {
        const target = table.columns.find((c) => c.id === ref);
        if (target?.type.kind !== "number")
          throw new Error(`${template.id}.${table.id}.${column.id}: ${ref} is not a number column`);
      }
    }
    for (const ref of [...(table.totals?.sum ?? []), ...(table.checks ?? []).flatMap((c) => [...c.columns, c.total])]) {
      if (!columnIds.has(ref)) throw new Error(`${template.id}.${table.id}: unknown column ${ref} in totals or checks`);
    }
  }
  const sectionIds = new Set(template.sections.map((s) => s.id));
  if (sectionIds.size !== template.sections.length) throw new Error(`${template.id}: duplicate section id`);
  return template;
}

export function findTable(template: DocumentTemplate, tableId: string): TableTemplate | undefined {
  return template.tables.find((t) => t.id === tableId);
}

export function findColumn(table: TableTemplate, columnId: string): ColumnTemplate | undefined {
  return table.columns.find((c) => c.id === columnId);
}

export function findSection(template: DocumentTemplate, sectionId: string): SectionTemplate | undefined {
  return template.sections.find((s) => s.id === sectionId);
}
