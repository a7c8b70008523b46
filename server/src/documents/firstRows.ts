import { firstRowsOf, sectionRootName, sectionSummary } from "@karta/doc";
import { computedCells, enumTone, formatCell, formatPercent, pinnedColumnIds } from "@karta/domain";
import {
  type ColumnTemplate,
  type DocumentTemplate,
  type FirstRowsCell,
  type FirstRowsColumnKind,
  type FirstRowsResponse,
  type FirstRowsSectionPreview,
  type FirstRowsTable,
  SECTION_PREVIEW_LENGTH,
  type TableTemplate,
} from "@karta/schema";
import type * as Y from "yjs";

/** What the page's header says of the document besides its content. */
export interface FirstRowsHeading {
  readonly title: string;
  readonly organisation: string;
  readonly year: number;
}

/**
 * A document's first screen as text (GET /api/documents/:id/first-rows): its
 * first table's columns and first `limit` rows as the grid shows them, read
 * from the loaded room without a table model, so nothing stays attached to
 * the room and only the rows shown are read (a few milliseconds for 10,000 rows).
 * Marks the grid adds once drawn (problems, overdue, comments) are not drawn here.
 */
export function firstRowsResponse(
  doc: Y.Doc,
  template: DocumentTemplate,
  heading: FirstRowsHeading,
  limit: number,
): FirstRowsResponse {
  const table = template.tables[0];
  return {
    title: heading.title,
    organisation: heading.organisation,
    templateTitle: template.title,
    year: heading.year,
    sectionsAbove: template.sections.map((s) => s.title),
    // Only a table's first screen is drawn: a document of sections alone is not read for it.
    sectionPreviews: table ? template.sections.map((s) => sectionPreview(doc, s.id)) : [],
    table: table ? firstTable(doc, table, limit, template.sections.length + template.tables.length > 1) : null,
  };
}

/** A section as it shows folded: the page starts most sections above a table folded (sectionFolds.ts). */
function sectionPreview(doc: Y.Doc, sectionId: string): FirstRowsSectionPreview {
  const summary = sectionSummary(doc.getXmlFragment(sectionRootName(sectionId)));
  return { id: sectionId, text: summary.text.slice(0, SECTION_PREVIEW_LENGTH), hasContent: summary.hasContent };
}

function firstTable(doc: Y.Doc, table: TableTemplate, limit: number, titled: boolean): FirstRowsTable {
  const { rows, rowCount } = firstRowsOf(doc, table, limit);
  const pinned = pinnedColumnIds(table);
  return {
    id: table.id,
    title: titled ? table.title : null,
    rowCount,
    columns: table.columns.map((c) => ({
      id: c.id,
      title: c.title,
      width: c.width ?? null,
      kind: kindOf(c),
      pinned: pinned.has(c.id),
    })),
    rows: rows.map((row) => {
      const computed = computedCells(table, row);
      return {
        id: row.id,
        number: row.number,
        cells: table.columns.map((column): FirstRowsCell => {
          const type = column.type;
          if (type.kind === "rowNumber") return { text: String(row.number) };
          if (type.kind === "share") {
            const share = computed[column.id];
            return { text: typeof share === "number" ? formatPercent(share) : "" };
          }
          const value = row.cells[column.id];
          if (type.kind === "enum" && typeof value === "string")
            return { text: value, tone: enumTone(type.options, value) };
          if (type.kind === "boolean") return { text: formatCell(value, type), checked: value === true };
          return { text: formatCell(value, type) };
        }),
      };
    }),
  };
}

function kindOf(column: ColumnTemplate): FirstRowsColumnKind {
  switch (column.type.kind) {
    case "rowNumber":
    case "enum":
    case "boolean":
      return column.type.kind;
    case "number":
    case "share":
      return "number";
    default:
      return "text";
  }
}
