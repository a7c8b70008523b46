import { documentPath } from "./routes.ts";

/** A cell of a document as a link names it: `/d/<id>?table=<table>&row=<rowId>&column=<column>`. */
export interface CellLink {
  readonly table: string;
  readonly row: string;
  readonly column: string;
}

/** The document page's address that opens with this cell selected. */
export function cellLinkPath(docId: string, cell: CellLink): string {
  const query = new URLSearchParams({ table: cell.table, row: cell.row, column: cell.column });
  return `${documentPath(docId)}?${query}`;
}

/** The cell a document page's query names, or null when it names none (any part missing or empty). */
export function parseCellLink(search: string): CellLink | null {
  const query = new URLSearchParams(search);
  const table = query.get("table");
  const row = query.get("row");
  const column = query.get("column");
  return table && row && column ? { table, row, column } : null;
}
