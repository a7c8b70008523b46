import type { Logger } from "../log.ts";
import type { DocumentStore } from "../storage/DocumentStore.ts";
import type { StoredChange } from "../sync/DocRoom.ts";

/**
 * Keeps what a stored update did to cells: who set which value (a cell's
 * history outlives the log's compaction) and the writes Yjs resolved without a
 * word (two values of one cell written apart), so that nothing typed is lost
 * without a trace. Authors of conflicting values are the owners of the Yjs
 * client ids that wrote them. Returns how many conflicts it recorded.
 */
export async function recordCellFacts(
  store: DocumentStore,
  log: Logger,
  docId: string,
  change: StoredChange,
): Promise<number> {
  const { facts } = change;
  if (!facts || (facts.edits.length === 0 && facts.conflicts.length === 0)) return 0;
  const at = new Date().toISOString();
  try {
    await store.recordCellEdits(
      facts.edits.map((e) => ({
        docId,
        table: e.table,
        rowId: e.rowId,
        columnId: e.columnId,
        value: e.value,
        accountId: change.ownerOf(e.clientId) ?? change.accountId,
        at,
      })),
      facts.conflicts.map((c) => ({
        docId,
        table: c.table,
        rowId: c.rowId,
        columnId: c.columnId,
        kept: { value: c.kept.value, by: change.ownerOf(c.kept.clientId) ?? null },
        lost: { value: c.lost.value, by: change.ownerOf(c.lost.clientId) ?? null },
        at,
        resolvedBy: null,
        resolvedAt: null,
      })),
    );
    return facts.conflicts.length;
  } catch (error) {
    log.error({ err: error, docId }, "could not record the cells' history");
    return 0;
  }
}
