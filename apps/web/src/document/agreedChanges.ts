import type { CellValue, ChangesResponse } from "@karta/schema";
import { cellKey } from "../problems/problemCells.ts";

/** What differs from the agreed version in one table, by cell and by row. */
export interface TableChanges {
  /** The agreed value of each changed cell, by cellKey(rowId, columnId). */
  readonly cells: ReadonlyMap<string, CellValue>;
  /** Rows added since agreement. */
  readonly addedRows: ReadonlySet<string>;
  /** Rows moved to another place since agreement. */
  readonly movedRows: ReadonlySet<string>;
  /** Rows deleted since agreement, with what they held then, in the agreed order. */
  readonly deletedRows: readonly DeletedRow[];
  /** Every row still in the table that differs in any way: added, moved or with a changed cell. */
  readonly changedRows: ReadonlySet<string>;
}

export interface DeletedRow {
  readonly rowId: string;
  /** The row's cells when agreed, by column id. */
  readonly agreed: Readonly<Record<string, CellValue>>;
}

export interface AgreedChanges {
  readonly tables: ReadonlyMap<string, TableChanges>;
  /** Changed sections, with the agreed text of each changed paragraph (null: added since). */
  readonly sections: ReadonlyMap<string, readonly (string | null)[]>;
  /** How many changes the counter says. */
  readonly count: number;
}

export const NO_CHANGES: AgreedChanges = { tables: new Map(), sections: new Map(), count: 0 };

/**
 * GET …/changes?since=agreed sorted by place: cells and added, moved and
 * deleted rows by table, paragraphs by section. A cell of an added row is not
 * also counted as changed.
 */
export function agreedChangesOf(response: ChangesResponse): AgreedChanges {
  const tables = new Map<
    string,
    {
      cells: Map<string, CellValue>;
      addedRows: Set<string>;
      movedRows: Set<string>;
      deletedRows: DeletedRow[];
      changedRows: Set<string>;
    }
  >();
  const sections = new Map<string, (string | null)[]>();
  const tableOf = (id: string) => {
    let table = tables.get(id);
    if (!table) {
      table = { cells: new Map(), addedRows: new Set(), movedRows: new Set(), deletedRows: [], changedRows: new Set() };
      tables.set(id, table);
    }
    return table;
  };
  for (const change of response.changes) {
    if (change.kind === "rowAdded") tableOf(change.table).addedRows.add(change.rowId);
  }
  let count = 0;
  for (const change of response.changes) {
    switch (change.kind) {
      case "cell": {
        const table = tableOf(change.table);
        if (table.addedRows.has(change.rowId)) continue;
        table.cells.set(cellKey(change.rowId, change.columnId), change.agreed);
        table.changedRows.add(change.rowId);
        break;
      }
      case "rowAdded":
        tableOf(change.table).changedRows.add(change.rowId);
        break;
      case "rowMoved": {
        const table = tableOf(change.table);
        table.movedRows.add(change.rowId);
        table.changedRows.add(change.rowId);
        break;
      }
      case "rowDeleted":
        tableOf(change.table).deletedRows.push({ rowId: change.rowId, agreed: change.agreed });
        break;
      case "paragraph": {
        const list = sections.get(change.section) ?? [];
        list.push(change.agreed);
        sections.set(change.section, list);
        break;
      }
      default:
        break;
    }
    count += 1;
  }
  return { tables, sections, count };
}
