import type { ThreadView } from "./commentsModel.ts";

/** Threads on one cell: the open ones (the mark's number) and all of them. */
export interface CellThreadCounts {
  readonly open: number;
  readonly total: number;
  /** The threads, oldest first. */
  readonly threadIds: readonly string[];
}

/** The key of a cell in `cellThreadCounts`. */
export function cellKey(rowId: string, columnId: string): string {
  return `${rowId}\u0000${columnId}`;
}

/**
 * The threads anchored to cells of one table, by cell (`cellKey`): what the
 * grid marks. A thread follows its row wherever the row moves, since it names
 * the row by id, not by position.
 */
export function cellThreadCounts(threads: readonly ThreadView[], tableId: string): Map<string, CellThreadCounts> {
  const counts = new Map<string, { open: number; total: number; threadIds: string[] }>();
  for (const thread of threads) {
    const { anchor } = thread;
    if (anchor.kind !== "cell" || anchor.table !== tableId) continue;
    const key = cellKey(anchor.rowId, anchor.columnId);
    const entry = counts.get(key) ?? { open: 0, total: 0, threadIds: [] };
    entry.total++;
    if (thread.status === "open") entry.open++;
    entry.threadIds.push(thread.id);
    counts.set(key, entry);
  }
  return counts;
}
