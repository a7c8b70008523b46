import type { TableTemplate } from "@karta/schema";

/**
 * The columns that stay on the left while the table scrolls sideways: № and
 * the main text column, the first text column right after it («Задача» of an
 * anti-risk programme, «Фактор риска» of a risk profile), so that a row can be
 * told apart whichever columns are in view. Only a leading run of columns is
 * pinned, so the columns keep the template's order on screen (the selection
 * counts columns in that order). The grid pins them; the first screen
 * (first-rows) draws them at their preferred widths as the grid does.
 */
export function pinnedColumnIds(table: TableTemplate): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const column of table.columns) {
    const kind = column.type.kind;
    if (kind === "rowNumber") {
      ids.add(column.id);
      continue;
    }
    if (kind === "text" || kind === "longText") ids.add(column.id);
    break;
  }
  return ids;
}
