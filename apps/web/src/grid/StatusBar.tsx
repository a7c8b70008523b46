import type { TableModel } from "@karta/doc";
import { useSyncExternalStore } from "react";
import { messages } from "../messages.ts";
import type { GridSession } from "./gridSession.ts";
import type { RangeBounds } from "./selection/rangeMath.ts";

export interface StatusBarProps {
  readonly table: TableModel;
  /** The grid's session, once ready: with a filter on, the line says how many rows are shown. */
  readonly session: GridSession | null;
  readonly bounds: RangeBounds | null;
}

/** The line under the table, as in a spreadsheet: how many rows (shown), what is selected. */
export function StatusBar({ table, session, bounds }: StatusBarProps) {
  const rows = useSyncExternalStore(
    (listener) => table.observe(listener),
    () => table.rows(),
  );
  const shown = useSyncExternalStore(
    (listener) => {
      const stopRows = table.observe(listener);
      const stopFilter = session?.onFilterChange(listener);
      return () => {
        stopRows();
        stopFilter?.();
      };
    },
    () => (session?.isFiltered() ? session.rows().length : null),
  );
  const height = bounds ? bounds.bottom - bounds.top + 1 : 0;
  const width = bounds ? bounds.right - bounds.left + 1 : 0;
  return (
    <div className="k-statusbar">
      <span data-testid="row-count">
        {shown === null ? messages.document.rowCount(rows.length) : messages.document.rowsShown(shown, rows.length)}
      </span>
      {height * width > 1 && <span>{messages.grid.selection(height, width)}</span>}
    </div>
  );
}
