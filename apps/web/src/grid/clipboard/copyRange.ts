import { formatCell } from "../cellText.ts";
import type { GridSession } from "../gridSession.ts";
import { encodeTsv } from "./tsv.ts";

/** The selection as TSV, each cell as the user sees it (№ as its number). */
export function copyRangeText(session: GridSession): string | null {
  const bounds = session.activeBounds();
  if (!bounds) return null;
  const columns = session.table.template.columns.slice(bounds.left, bounds.right + 1);
  const rows = session.table.rows().slice(bounds.top, bounds.bottom + 1);
  return encodeTsv(
    rows.map((row) =>
      columns.map((c) => (c.type.kind === "rowNumber" ? String(row.number) : formatCell(row.cells[c.id], c.type))),
    ),
  );
}
