import { type CellValue, cellValueSchema, findColumn, isDerived, type TableTemplate } from "@karta/schema";
import * as Y from "yjs";
import { DocumentWriteError } from "./errors.ts";
import { randomId } from "./ids.ts";
import { compareRows, keyBetween, keysBetween } from "./order.ts";
import { ORDER_KEY, tableRootName } from "./roots.ts";
import { type RowSnapshot, sameRow } from "./rowSnapshot.ts";

type RowMap = Y.Map<unknown>;

export interface CellEdit {
  readonly rowId: string;
  readonly columnId: string;
  readonly value: CellValue;
}

export interface TableOptions {
  /**
   * Transaction origin of every write made through this model. An UndoManager
   * that tracks only this origin undoes one's own edits and never a colleague's.
   */
  readonly origin?: unknown;
}

/**
 * The typed model of one table inside a Y.Doc: rows are Y.Maps keyed by a
 * random row id, ordered by a fractional index. Moving a row rewrites only its
 * order key, so two people moving the same row at once end with one copy of it
 * (last writer wins) instead of the duplicate a delete+insert would leave.
 */
export class TableModel {
  readonly root: Y.Map<RowMap>;
  private readonly origin: unknown;
  private cache: readonly RowSnapshot[] = [];
  private cacheValid = false;

  constructor(
    readonly ydoc: Y.Doc,
    readonly template: TableTemplate,
    options: TableOptions = {},
  ) {
    this.root = ydoc.getMap<RowMap>(tableRootName(template.id));
    this.origin = options.origin ?? null;
    this.root.observeDeep(() => {
      this.cacheValid = false;
    });
  }

  /** Rows in display order. The same array is returned until the table changes. */
  rows(): readonly RowSnapshot[] {
    if (this.cacheValid) return this.cache;
    const previous = new Map(this.cache.map((r) => [r.id, r]));
    const fresh = this.readRows();
    this.cache = Object.freeze(
      fresh.map((row) => {
        const old = previous.get(row.id);
        return old && sameRow(old, row) ? old : row;
      }),
    );
    this.cacheValid = true;
    return this.cache;
  }

  rowCount(): number {
    return this.rows().length;
  }

  /** Calls `listener` with the new rows after every change, local or remote. */
  observe(listener: (rows: readonly RowSnapshot[], transaction: Y.Transaction) => void): () => void {
    const handler = (_events: unknown, transaction: Y.Transaction) => listener(this.rows(), transaction);
    this.root.observeDeep(handler);
    return () => this.root.unobserveDeep(handler);
  }

  /**
   * Inserts rows so that the first lands at `index` (0 = top, rowCount() = end)
   * and returns their ids.
   */
  insertRows(
    index: number,
    cellsList: readonly Readonly<Record<string, CellValue>>[] = [{}],
    options: { locked?: boolean } = {},
  ): string[] {
    const rows = this.rows();
    const at = clamp(index, 0, rows.length);
    for (const cells of cellsList) {
      for (const [columnId, value] of Object.entries(cells)) this.check(columnId, value, options.locked);
    }
    const ids: string[] = [];
    const keys = keysBetween(
      rows[at - 1]?.order ?? null,
      rows[at]?.order ?? null,
      cellsList.length,
      rows.slice(at).map((r) => r.order),
    );
    this.transact(() => {
      cellsList.forEach((cells, i) => {
        const id = randomId();
        const row = new Y.Map<unknown>();
        row.set(ORDER_KEY, keys[i]);
        for (const [columnId, value] of Object.entries(cells)) if (value !== null) row.set(columnId, value);
        this.root.set(id, row);
        ids.push(id);
      });
    });
    return ids;
  }

  /** Inserts one row at `index` and returns its id. */
  insertRow(index: number, cells: Readonly<Record<string, CellValue>> = {}): string {
    const [id] = this.insertRows(index, [cells]);
    return id as string;
  }

  deleteRows(rowIds: readonly string[]): void {
    this.transact(() => {
      for (const id of rowIds) this.root.delete(id);
    });
  }

  deleteRow(rowId: string): void {
    this.deleteRows([rowId]);
  }

  /** Moves a row so that it ends at `toIndex` of the resulting order. */
  moveRow(rowId: string, toIndex: number): void {
    const row = this.rowMap(rowId);
    const others = this.rows().filter((r) => r.id !== rowId);
    const at = clamp(toIndex, 0, others.length);
    const before = others[at - 1]?.order ?? null;
    const after = others[at]?.order ?? null;
    const order = keyBetween(
      before,
      after,
      others.slice(at).map((r) => r.order),
    );
    this.transact(() => row.set(ORDER_KEY, order));
  }

  /** Sets one cell after checking the value against the column's type. */
  setCell(rowId: string, columnId: string, value: CellValue): void {
    this.setCells([{ rowId, columnId, value }]);
  }

  /** Sets many cells in one transaction (one undo step); all are checked first. */
  setCells(edits: readonly CellEdit[]): void {
    const targets = edits.map((edit) => {
      this.check(edit.columnId, edit.value);
      return { row: this.rowMap(edit.rowId), edit };
    });
    this.transact(() => {
      for (const { row, edit } of targets) {
        if (edit.value === null || edit.value === "") row.delete(edit.columnId);
        else if (row.get(edit.columnId) !== edit.value) row.set(edit.columnId, edit.value);
      }
    });
  }

  /** `locked`: the template itself writes a locked column, when the document is created. */
  private check(columnId: string, value: CellValue, locked = false): void {
    const column = findColumn(this.template, columnId);
    if (!column) throw new DocumentWriteError("unknown-column", `unknown column ${columnId}`);
    if (isDerived(column.type)) throw new DocumentWriteError("derived-column", `${columnId} is computed`);
    if (column.locked && !locked) throw new DocumentWriteError("locked-column", `${columnId} is set by the template`);
    const parsed = cellValueSchema(column.type).safeParse(value);
    if (!parsed.success) {
      throw new DocumentWriteError("invalid-value", `${columnId}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    }
  }

  private rowMap(rowId: string): RowMap {
    const row = this.root.get(rowId);
    if (!(row instanceof Y.Map)) throw new DocumentWriteError("unknown-row", `unknown row ${rowId}`);
    return row;
  }

  private transact(fn: () => void): void {
    this.ydoc.transact(fn, this.origin);
  }

  private readRows(): RowSnapshot[] {
    const raw: { id: string; order: string; cells: Record<string, CellValue> }[] = [];
    for (const [id, row] of this.root.entries()) {
      if (!(row instanceof Y.Map)) continue; // not a row: ignore rather than break the view
      const order = row.get(ORDER_KEY);
      const cells: Record<string, CellValue> = {};
      for (const column of this.template.columns) {
        const value = row.get(column.id);
        if (isCellValue(value)) cells[column.id] = value;
      }
      raw.push({ id, order: typeof order === "string" ? order : "", cells });
    }
    raw.sort(compareRows);
    return raw.map((r, i) => Object.freeze({ ...r, number: i + 1, cells: Object.freeze(r.cells) }));
  }
}

function isCellValue(value: unknown): value is CellValue {
  return (
    value === null ||
    typeof value === "string" ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value))
  );
}

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.trunc(n)));
}
