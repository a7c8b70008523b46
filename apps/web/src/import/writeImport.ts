import type { TableModel } from "@karta/doc";
import type { ImportMode } from "@karta/export";
import type { LocalOrigin } from "../document/localOrigin.ts";
import type { ImportedRows } from "./ImportDialog.tsx";

/**
 * Writes checked rows into a table in one transaction with the page's origin
 * (applyImport of @karta/export). @karta/export is loaded here, not with the
 * page: its readers are only wanted once someone imports.
 */
export async function writeImport(
  table: TableModel,
  rows: ImportedRows,
  mode: ImportMode,
  origin: LocalOrigin,
): Promise<void> {
  const { applyImport } = await import("@karta/export");
  applyImport(table, rows, mode, origin);
}
