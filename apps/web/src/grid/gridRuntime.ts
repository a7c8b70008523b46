import type { TableModel } from "@karta/doc";
import { createContext, useContext } from "react";
import type { PresenceStore } from "../presence/presenceStore.ts";
import type { CellFlagsStore } from "./cellFlags.ts";

/** What cell renderers need from the grid around them. */
export interface GridRuntime {
  readonly table: TableModel;
  readonly presence: PresenceStore;
  /** The table may not be changed (checkboxes are shown, not toggled). */
  readonly readOnly: boolean;
  /** Problems and overdue marks, per cell. */
  readonly flags: CellFlagsStore;
  /** Whether a row filter hides rows now («Только изменённые строки»). */
  readonly isFiltered: () => boolean;
}

export const GridRuntimeContext = createContext<GridRuntime | null>(null);

export function useGridRuntime(): GridRuntime {
  const runtime = useContext(GridRuntimeContext);
  if (!runtime) throw new Error("useGridRuntime outside GridRuntimeContext");
  return runtime;
}
