import type { CellValue } from "@karta/schema";

/**
 * «Новый документ из файла» checks the file on the documents page, creates the
 * document and opens it; the rows wait here (in memory: the app does not
 * reload between the two pages) until the document's table is open and
 * editable, which writes them with the page's origin (one Ctrl+Z).
 */
export interface PendingImport {
  readonly tableId: string;
  readonly rows: readonly Readonly<Record<string, CellValue>>[];
}

const pending = new Map<string, PendingImport>();

export function holdImport(docId: string, held: PendingImport): void {
  pending.set(docId, held);
}

/** The rows waiting for this document's table, once: taking them removes them. */
export function takeImport(docId: string, tableId: string): PendingImport["rows"] | null {
  const held = pending.get(docId);
  if (!held || held.tableId !== tableId) return null;
  pending.delete(docId);
  return held.rows;
}
