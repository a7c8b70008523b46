import { computedCells, encodeTsv, formatCell, formatPercent } from "@karta/domain";
import type { GridSession } from "../gridSession.ts";

/** The selection as TSV, each cell as the user sees it (№ as its number). */
export function copyRangeText(session: GridSession): string | null {
  const bounds = session.activeBounds();
  if (!bounds) return null;
  const columns = session.table.template.columns.slice(bounds.left, bounds.right + 1);
  const rows = session.rows().slice(bounds.top, bounds.bottom + 1);
  return encodeTsv(
    rows.map((row) => {
      const computed = computedCells(session.table.template, row);
      return columns.map((c) => {
        if (c.type.kind === "rowNumber") return String(row.number);
        if (c.type.kind === "share") {
          const share = computed[c.id];
          return typeof share === "number" ? formatPercent(share) : "";
        }
        return formatCell(row.cells[c.id], c.type);
      });
    }),
  );
}
