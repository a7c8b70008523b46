import { type CellValue, cellValueSchema, isDerived, type TableTemplate } from "@karta/schema";
import * as Y from "yjs";
import type { KartaDocument } from "./document.ts";
import { compareRows } from "./order.ts";
import { ORDER_KEY, sectionRootName, tableRootName } from "./roots.ts";

export interface CopyContentOptions {
  /**
   * Columns, by table id, whose values belong to the source's year and are
   * not carried (an anti-risk programme's «Статус» and «Отметка о выполнении»).
   */
  readonly omitColumns?: Readonly<Record<string, readonly string[]>>;
}

/** What was carried: rows over all tables, and sections that had text. */
export interface CopiedContent {
  readonly rows: number;
  readonly sections: number;
}

/**
 * Writes the content of `source` (a Y.Doc of the same template, e.g. last
 * year's document) into `target`, meant for a fresh document before its first
 * snapshot (the yearly cycle: next year's documents start from this year's).
 * Rows get fresh ids and order keys spread evenly (as a paste), in the
 * source's order; only cells of the target template's columns are written,
 * never computed ones, never `omitColumns`, and never values the column's
 * type refuses. Rows the template put in already (a risk profile's standard
 * factors) are matched on their locked cells and filled rather than
 * duplicated. Sections with text in the source replace the target's.
 */
export function copyContent(target: KartaDocument, source: Y.Doc, options: CopyContentOptions = {}): CopiedContent {
  let rows = 0;
  let sections = 0;
  target.ydoc.transact(() => {
    for (const table of target.template.tables) {
      rows += copyTable(target, source, table, new Set(options.omitColumns?.[table.id] ?? []));
    }
    for (const section of target.template.sections) {
      const from = source.getXmlFragment(sectionRootName(section.id));
      if (from.length === 0) continue;
      const to = target.section(section.id);
      if (to.length > 0) to.delete(0, to.length);
      to.insert(
        0,
        from.toArray().map((node) => node.clone() as Y.XmlElement | Y.XmlText),
      );
      sections++;
    }
  });
  return { rows, sections };
}

function copyTable(target: KartaDocument, source: Y.Doc, table: TableTemplate, omit: ReadonlySet<string>): number {
  const columns = table.columns.filter((c) => !isDerived(c.type) && !omit.has(c.id));
  const locked = columns.filter((c) => c.locked).map((c) => c.id);
  const sourceRows: { id: string; order: string; cells: Record<string, CellValue> }[] = [];
  for (const [id, row] of source.getMap<unknown>(tableRootName(table.id)).entries()) {
    if (!(row instanceof Y.Map)) continue;
    const cells: Record<string, CellValue> = {};
    for (const column of columns) {
      const value = row.get(column.id);
      if (value === undefined || value === null || value === "") continue;
      if (cellValueSchema(column.type).safeParse(value).success) cells[column.id] = value as CellValue;
    }
    const order = row.get(ORDER_KEY);
    sourceRows.push({ id, order: typeof order === "string" ? order : "", cells });
  }
  sourceRows.sort(compareRows);

  const model = target.table(table.id);
  const unmatched = new Map(model.rows().map((r) => [r.id, r]));
  const appended: Record<string, CellValue>[] = [];
  const edits: { rowId: string; columnId: string; value: CellValue }[] = [];
  for (const { cells } of sourceRows) {
    const match =
      locked.length > 0
        ? [...unmatched.values()].find((r) => locked.every((c) => (r.cells[c] ?? null) === (cells[c] ?? null)))
        : undefined;
    if (!match) {
      appended.push(cells);
      continue;
    }
    unmatched.delete(match.id);
    for (const [columnId, value] of Object.entries(cells)) {
      if (!locked.includes(columnId)) edits.push({ rowId: match.id, columnId, value });
    }
  }
  if (edits.length > 0) model.setCells(edits);
  // Written as the template writes its own rows at creation: locked cells included.
  if (appended.length > 0) model.insertRows(model.rowCount(), appended, { locked: true });
  return sourceRows.length;
}
