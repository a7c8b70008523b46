import { z } from "zod";

/**
 * GET /api/documents/:id/first-rows?limit=: what a document's first screen
 * shows, as text, for a page that has not loaded the document yet. The page's
 * tiny entry module draws it while the app and the document load (a
 * 10,000-row roadmap takes seconds to decode and lay out); the editable grid
 * replaces it once its own first rows are drawn. Read access, as the document.
 */

/** How many rows the first screen asks for by default, and at most. */
export const FIRST_ROWS_DEFAULT = 40;
export const FIRST_ROWS_MAX = 200;

export const firstRowsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(FIRST_ROWS_MAX).default(FIRST_ROWS_DEFAULT),
});

/** How a column's cells are drawn: № and numbers to the right, options as a pill, yes/no as a box. */
export const firstRowsColumnKind = z.enum(["rowNumber", "number", "enum", "boolean", "text"]);
export type FirstRowsColumnKind = z.infer<typeof firstRowsColumnKind>;

export const firstRowsColumn = z.object({
  id: z.string(),
  title: z.string(),
  /** The template's preferred width in pixels (the grid's), or null for the grid's default. */
  width: z.number().nullable(),
  kind: firstRowsColumnKind,
  /** Pinned on the left by the grid (№ and the main text column): it keeps its preferred width, the others share the rest. */
  pinned: z.boolean(),
});
export type FirstRowsColumn = z.infer<typeof firstRowsColumn>;

export const firstRowsCell = z.object({
  /** The cell as the grid shows it (formatCell; a share as a percentage; № the row's position). */
  text: z.string(),
  /** An option's colour (enumTone), for enum columns. */
  tone: z.string().optional(),
  /** Whether a yes/no cell is ticked, for boolean columns (drawn as a box). */
  checked: z.boolean().optional(),
});
export type FirstRowsCell = z.infer<typeof firstRowsCell>;

export const firstRowsTable = z.object({
  id: z.string(),
  /** Shown above the table when the document has other parts (as the page does); null when it is the only one. */
  title: z.string().nullable(),
  /** Every row of the table, of which `rows` are the first. */
  rowCount: z.number().int().min(0),
  columns: z.array(firstRowsColumn),
  /** In display order; each row's cells in the order of `columns`. */
  rows: z.array(z.object({ id: z.string(), number: z.number().int(), cells: z.array(firstRowsCell) })),
});
export type FirstRowsTable = z.infer<typeof firstRowsTable>;

/** A folded section shows at most this much of its text (the page's heading cuts it there too). */
export const SECTION_PREVIEW_LENGTH = 400;

export const firstRowsSectionPreview = z.object({
  id: z.string(),
  text: z.string().max(SECTION_PREVIEW_LENGTH),
  hasContent: z.boolean(),
});
export type FirstRowsSectionPreview = z.infer<typeof firstRowsSectionPreview>;

export const firstRowsResponse = z.object({
  title: z.string(),
  /** Organisation, template and year, as the page's header says them. */
  organisation: z.string(),
  templateTitle: z.string(),
  year: z.number().int(),
  /** Titles of the parts drawn above the table (rich-text sections), in order. */
  sectionsAbove: z.array(z.string()),
  /**
   * What each of `sectionsAbove` holds, in the same order: its id (the page keeps a person's
   * folds by it), the beginning of its text in one line, whether it holds anything: enough to
   * draw it folded, as the page first shows it. Empty for a document without tables, whose
   * first screen is not drawn.
   */
  sectionPreviews: z.array(firstRowsSectionPreview),
  /** The document's first table; null for a document without tables. */
  table: firstRowsTable.nullable(),
});
export type FirstRowsResponse = z.infer<typeof firstRowsResponse>;
