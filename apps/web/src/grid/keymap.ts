import type { ColumnType } from "@karta/schema";

/**
 * Spreadsheet shortcuts the grid handles itself (AG Grid community does not,
 * or does them differently). Letters are matched by physical key (`code`), so
 * Ctrl+Z works with the Russian layout too, where the key types «я».
 */
export type GridKeyAction =
  | { readonly kind: "undo" }
  | { readonly kind: "redo" }
  | { readonly kind: "clear" }
  | { readonly kind: "selectAll" }
  | { readonly kind: "extend"; readonly rows: number; readonly cols: number }
  | { readonly kind: "moveRow"; readonly by: -1 | 1 }
  | { readonly kind: "toggle" };

export interface KeyLike {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * The grid action for a key press outside an editor, or null to leave it to AG Grid.
 * `cellKind` is the kind of the focused cell's column: Space ticks or unticks a
 * yes/no cell (elsewhere it starts typing, as any character does).
 */
export function gridKeyAction(event: KeyLike, cellKind?: ColumnType["kind"]): GridKeyAction | null {
  if (event.altKey) return null;
  const command = event.ctrlKey || event.metaKey;
  const arrow = ARROWS[event.key];
  if (command) {
    if (event.code === "KeyZ") return event.shiftKey ? { kind: "redo" } : { kind: "undo" };
    if (event.code === "KeyY" && !event.shiftKey) return { kind: "redo" };
    if (event.code === "KeyA" && !event.shiftKey) return { kind: "selectAll" };
    if (event.shiftKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      return { kind: "moveRow", by: event.key === "ArrowUp" ? -1 : 1 };
    }
    return null;
  }
  if (event.key === " " && !event.shiftKey && cellKind === "boolean") return { kind: "toggle" };
  if (arrow && event.shiftKey) return { kind: "extend", rows: arrow[0], cols: arrow[1] };
  if ((event.key === "Delete" || event.key === "Backspace") && !event.shiftKey) return { kind: "clear" };
  return null;
}
