import type { CellValue } from "@karta/schema";
import * as Y from "yjs";
import { ORDER_KEY, TABLE_ROOT_PREFIX } from "../roots.ts";

/** A value a transaction wrote to a cell (null: cleared), kept by Yjs or not. */
export interface CellEdit {
  readonly table: string;
  readonly rowId: string;
  readonly columnId: string;
  readonly value: CellValue;
  /** The Yjs client that wrote it (UNKNOWN_CLIENT for a clearing: the update's sender did it). */
  readonly clientId: number;
}

/**
 * Two values written to the same cell by people who had not seen each other's
 * (one of them offline): Yjs keeps one (`kept`) and drops the other (`lost`)
 * without a word. Found at the moment both are still readable, in the
 * transaction that brought the second.
 */
export interface CellConflict {
  readonly table: string;
  readonly rowId: string;
  readonly columnId: string;
  readonly kept: { readonly value: CellValue; readonly clientId: number };
  readonly lost: { readonly value: CellValue; readonly clientId: number };
}

// biome-ignore lint/suspicious/noExplicitAny: Yjs types its shared types by their event type.
type AnyType = Y.AbstractType<any>;
type Item = Y.Item;

/**
 * The cells a transaction on a content document set, and the concurrent
 * writes to one cell it resolved. Call it while the transaction's values are
 * still there (in `afterTransaction`, before Yjs collects deleted content).
 * A value written after its writer saw the previous one names that item as its
 * origin; two writes that saw the same state share their origin, and that is
 * what a conflict is.
 */
export function cellEditsOf(
  transaction: Y.Transaction,
  rootName: (type: AnyType) => string | undefined,
): { edits: CellEdit[]; conflicts: CellConflict[] } {
  const edits: CellEdit[] = [];
  const conflicts: CellConflict[] = [];
  for (const [type, keys] of transaction.changed) {
    const rowItem = type._item;
    const parent = rowItem?.parent as AnyType | undefined;
    if (!rowItem || !parent || parent._item !== null || !(type instanceof Y.Map)) continue;
    const name = rootName(parent);
    if (!name?.startsWith(TABLE_ROOT_PREFIX) || rowItem.deleted || rowItem.parentSub === null) continue;
    const table = name.slice(TABLE_ROOT_PREFIX.length);
    const rowId = rowItem.parentSub;
    for (const columnId of keys) {
      if (columnId === null || columnId === ORDER_KEY) continue;
      const winner = (type._map as Map<string, Item>).get(columnId);
      if (!winner) continue;
      const value = winner.deleted ? null : lastValue(winner);
      // What this update wrote, whether Yjs kept it or not; a cleared cell wrote no item.
      const written = itemsOf(winner).filter((item) => isNew(item, transaction));
      for (const item of written.reverse()) {
        if (!(item.content instanceof Y.ContentDeleted)) {
          edits.push({ table, rowId, columnId, value: lastValue(item), clientId: item.id.client });
        }
      }
      if (written.length === 0 && winner.deleted) {
        edits.push({ table, rowId, columnId, value: null, clientId: UNKNOWN_CLIENT });
      }
      const rival = concurrentSibling(winner, transaction);
      if (rival && !winner.deleted) {
        conflicts.push({
          table,
          rowId,
          columnId,
          kept: { value, clientId: winner.id.client },
          lost: { value: lastValue(rival), clientId: rival.id.client },
        });
      }
    }
  }
  return { edits, conflicts };
}

/**
 * An item of the same key, by another client, that saw the same state as the
 * winner (same origin), one of the two arriving in this transaction, with a
 * value that differs: the write Yjs silently dropped.
 */
function concurrentSibling(winner: Item, transaction: Y.Transaction): Item | null {
  for (let left = winner.left; left !== null; left = left.left) {
    if (!sameId(left.origin, winner.origin)) continue;
    if (left.id.client === winner.id.client) continue;
    const arrivedNow = isNew(left, transaction) || isNew(winner, transaction);
    if (!arrivedNow || left.content instanceof Y.ContentDeleted) continue;
    if (lastValue(left) === lastValue(winner)) continue;
    return left;
  }
  return null;
}

/** A client id no one writes under: the cell was cleared, and the sender is the one who did it. */
export const UNKNOWN_CLIENT = -1;

/** The items of one map key, newest (the one shown) first. */
function itemsOf(winner: Item): Item[] {
  const items: Item[] = [];
  for (let item: Item | null = winner; item !== null; item = item.left) items.push(item);
  return items;
}

function isNew(item: Item, transaction: Y.Transaction): boolean {
  return item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
}

function sameId(a: Y.ID | null, b: Y.ID | null): boolean {
  return a === b || (a !== null && b !== null && a.client === b.client && a.clock === b.clock);
}

function lastValue(item: Item): CellValue {
  const content = item.content.getContent();
  const value = content[content.length - 1];
  return value === undefined || (typeof value === "object" && value !== null) ? null : (value as CellValue);
}
