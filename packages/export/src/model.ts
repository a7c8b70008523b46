/**
 * What every writer is given: a document as it reads on paper, already
 * computed (№, shares, the total row, live figures) and free of Yjs. The
 * writers only lay it out; `fromDocument.ts` builds it from a KartaDocument.
 */

/** A run of text with its marks. */
export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** The address of a link. */
  readonly href?: string;
}

/** A block of a section's rich text. */
export type TextBlock =
  | { readonly kind: "paragraph"; readonly runs: readonly TextRun[] }
  | { readonly kind: "heading"; readonly level: number; readonly runs: readonly TextRun[] }
  | {
      readonly kind: "list";
      readonly ordered: boolean;
      /** The number of the first item of an ordered list. */
      readonly start?: number;
      /** Each item is blocks of its own (a list may hold a list). */
      readonly items: readonly (readonly TextBlock[])[];
    }
  /** A table inside the text: rows of cells, each cell blocks; header cells are bold. */
  | {
      readonly kind: "table";
      readonly rows: readonly (readonly { readonly header: boolean; readonly blocks: readonly TextBlock[] }[])[];
    };

export interface ExportSection {
  readonly id: string;
  /** The template's title of the section, e.g. «Цель». */
  readonly title: string;
  /** false when the text carries its own headings (the roadmap's numbered preamble): the title is not printed. */
  readonly titleInPrint: boolean;
  readonly blocks: readonly TextBlock[];
}

/** How a column's values are written: numbers stay numbers, shares are fractions (0.552 → 55,2 %). */
export type ExportColumnKind = "rowNumber" | "text" | "integer" | "number" | "share" | "date" | "boolean";

export interface ExportColumn {
  readonly id: string;
  /** The title verbatim as the official form prints it. */
  readonly title: string;
  readonly kind: ExportColumnKind;
  /** Relative width (the template's preferred width in pixels). */
  readonly width: number;
}

/** A cell's value: text, a number (a share as a fraction), a yes/no, a date (ISO yyyy-mm-dd), or empty. */
export type ExportValue = string | number | boolean | null;

export interface ExportTable {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly ExportColumn[];
  /** Rows in the document's order, cells in column order; № already numbered. */
  readonly rows: readonly (readonly ExportValue[])[];
  /** The computed «Итого» / «Всего:» row, cells in column order; null when the table has none. */
  readonly total: readonly ExportValue[] | null;
}

/** The approving order, once there is one. */
export interface ExportOrder {
  readonly number: string;
  /** ISO date, yyyy-mm-dd. */
  readonly date: string;
}

export interface ExportDocument {
  /** The centred bold title. */
  readonly title: string;
  /**
   * Whose order the document is an appendix to, as the block top right says it after
   * «Приложение к приказу»: «начальника управления образования администрации
   * муниципального образования Славянский район».
   */
  readonly authority: string;
  /** null: «от ______ № ____». */
  readonly order: ExportOrder | null;
  readonly sections: readonly ExportSection[];
  readonly tables: readonly ExportTable[];
}
