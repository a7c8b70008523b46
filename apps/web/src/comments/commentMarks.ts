import { type CellThreadCounts, cellKey, cellThreadCounts, type ThreadView } from "@karta/doc";

/** What a commented cell shows: how many threads are open (the number) and whether any exist. */
export interface CellMark {
  readonly open: number;
  readonly total: number;
  /** The cell's threads, oldest first. */
  readonly threadIds: readonly string[];
}

function markKey(tableId: string, rowId: string, colId: string): string {
  return `${tableId}\u0000${cellKey(rowId, colId)}`;
}

function sameMark(a: CellMark, b: CellThreadCounts): boolean {
  return (
    a.open === b.open &&
    a.total === b.total &&
    a.threadIds.length === b.threadIds.length &&
    a.threadIds.every((id, i) => id === b.threadIds[i])
  );
}

/**
 * The comment marks of every table of a document, outside React: each cell
 * subscribes and re-renders only when its own mark changes (as with problems
 * and presence), so a new comment never redraws the whole grid. A mark names
 * its row by id, so it follows the row wherever it moves.
 */
export class CommentMarksStore {
  private marks = new Map<string, CellMark>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly tableIds: readonly string[]) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  markAt(tableId: string, rowId: string, colId: string): CellMark | null {
    return this.marks.get(markKey(tableId, rowId, colId)) ?? null;
  }

  /** Recounts from the threads, keeping the object of every unchanged mark; true if any changed. */
  update(threads: readonly ThreadView[]): boolean {
    const next = new Map<string, CellMark>();
    let changed = false;
    for (const tableId of this.tableIds) {
      for (const [key, counts] of cellThreadCounts(threads, tableId)) {
        const full = `${tableId}\u0000${key}`;
        const old = this.marks.get(full);
        if (old && sameMark(old, counts)) next.set(full, old);
        else {
          next.set(full, Object.freeze({ ...counts }));
          changed = true;
        }
      }
    }
    if (next.size !== this.marks.size) changed = true;
    this.marks = next;
    if (changed) for (const listener of this.listeners) listener();
    return changed;
  }
}
