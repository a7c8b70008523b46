import type { TableModel } from "@karta/doc";
import { useSyncExternalStore } from "react";
import { messages } from "../messages.ts";
import type { RangeBounds } from "./selection/rangeMath.ts";

/** The line under the table, as in a spreadsheet: how many rows, what is selected. */
export function StatusBar({ table, bounds }: { readonly table: TableModel; readonly bounds: RangeBounds | null }) {
  const rows = useSyncExternalStore(
    (listener) => table.observe(listener),
    () => table.rows(),
  );
  const height = bounds ? bounds.bottom - bounds.top + 1 : 0;
  const width = bounds ? bounds.right - bounds.left + 1 : 0;
  return (
    <div className="k-statusbar">
      <span data-testid="row-count">{messages.document.rowCount(rows.length)}</span>
      {height * width > 1 && <span>{messages.grid.selection(height, width)}</span>}
    </div>
  );
}
