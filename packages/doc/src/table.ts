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

/**
 * What one change of the table did to its rows, for listeners that update
 * their own view row by row instead of rebuilding it.
 */
export interface RowsChange {
  /**
   * Rows whose snapshot is a new object: added, or with a changed cell,
   * order key or № (every row below an added, deleted or moved one). Every
   * other row keeps its snapshot object.
   */
  readonly changed: ReadonlySet<string>;
  /** Rows deleted. */
  readonly removed: ReadonlySet<string>;
  /**
   * Whether the sequence of row ids changed: a row added, deleted or moved
   * (or the rows were read for the first time). A listener then takes the
   * whole list anew.
   */
  readonly orderChanged: boolean;
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
  /** Position of each row of `cache`. */
  private positions = new Map<string, number>();
  private built = false;
  /** Rows touched since `cache` was built (their cells, order key, or presence). */
  private readonly dirty = new Set<string>();
  /** Whether a row was added, deleted or had its order key written since `cache` was built. */
  private orderDirty = false;
  private lastChange: RowsChange = NO_CHANGE;

  constructor(
    readonly ydoc: Y.Doc,
    readonly template: TableTemplate,
    options: TableOptions = {},
  ) {
    this.root = ydoc.getMap<RowMap>(tableRootName(template.id));
    this.origin = options.origin ?? null;
    // Registered first, so it has noted what changed before any listener of observe() reads rows().
    this.root.observeDeep((events) => this.noteChanges(events));
  }

  /** Rows in display order. The same array is returned until the table changes. */
  rows(): readonly RowSnapshot[] {
    if (!this.built) {
      this.cache = Object.freeze(this.readAllRows());
      this.positions = positionsOf(this.cache);
      this.built = true;
      this.lastChange = { changed: new Set(this.positions.keys()), removed: EMPTY, orderChanged: true };
      this.dirty.clear();
      this.orderDirty = false;
      return this.cache;
    }
    if (this.dirty.size === 0 && !this.orderDirty) return this.cache;
    this.lastChange = this.orderDirty ? this.reorder() : this.refreshInPlace();
    this.dirty.clear();
    this.orderDirty = false;
    return this.cache;
  }

  /** One row's snapshot as rows() has it, by id. */
  row(rowId: string): RowSnapshot | undefined {
    const rows = this.rows();
    const at = this.positions.get(rowId);
    return at === undefined ? undefined : rows[at];
  }

  rowCount(): number {
    return this.rows().length;
  }

  /**
   * Calls `listener` with the new rows after every change, local or remote,
   * and what the change did to them (which rows have new snapshots, which
   * are gone, whether the order changed).
   */
  observe(
    listener: (rows: readonly RowSnapshot[], transaction: Y.Transaction, change: RowsChange) => void,
  ): () => void {
    const handler = (_events: unknown, transaction: Y.Transaction) => {
      const rows = this.rows();
      listener(rows, transaction, this.lastChange);
    };
    this.root.observeDeep(handler);
    return () => this.root.unobserveDeep(handler);
  }

  /** Notes which rows a transaction touched; rows() rebuilds only those. */
  private noteChanges(events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): void {
    for (const event of events) {
      const keys = event instanceof Y.YMapEvent ? (event.keysChanged as Set<string>) : null;
      if (event.target === this.root) {
        // A row added, deleted or replaced.
        for (const id of keys ?? []) this.dirty.add(id);
        this.orderDirty = true;
        continue;
      }
      const id = event.path[0];
      if (typeof id !== "string") continue;
      this.dirty.add(id);
      if (!keys || keys.has(ORDER_KEY)) this.orderDirty = true;
    }
    // Another listener may call rows() before ours: it must see the rows as changed.
    this.lastChange = NO_CHANGE;
  }

  /** Cells changed, no row added, deleted or moved: new snapshots for the touched rows only. */
  private refreshInPlace(): RowsChange {
    const next = [...this.cache];
    const changed = new Set<string>();
    for (const id of this.dirty) {
      const at = this.positions.get(id);
      const old = at === undefined ? undefined : next[at];
      const fresh = this.readRow(id, old?.number ?? 0);
      if (at === undefined || !old || !fresh || fresh.order !== old.order) {
        // Not a row we show (or its order moved after all): sort from scratch.
        this.orderDirty = true;
        return this.reorder();
      }
      if (!sameRow(old, fresh)) {
        next[at] = fresh;
        changed.add(id);
      }
    }
    if (changed.size > 0) this.cache = Object.freeze(next);
    return { changed, removed: EMPTY, orderChanged: false };
  }

  /**
   * Rows added, deleted or moved: the untouched rows stay in order, so the
   * touched ones (read again and sorted) are merged in; then rows are numbered.
   */
  private reorder(): RowsChange {
    const changed = new Set<string>();
    const removed = new Set<string>();
    const kept = this.cache.filter((r) => !this.dirty.has(r.id));
    const touched: RowSnapshot[] = [];
    for (const id of this.dirty) {
      const fresh = this.readRow(id, 0);
      if (fresh) touched.push(fresh);
      else if (this.positions.has(id)) removed.add(id);
    }
    touched.sort(compareRows);
    const merged: RowSnapshot[] = [];
    let k = 0;
    let t = 0;
    while (k < kept.length || t < touched.length) {
      const a = kept[k];
      const b = touched[t];
      if (a && (!b || compareRows(a, b) <= 0)) {
        merged.push(a);
        k++;
      } else if (b) {
        merged.push(b);
        t++;
      }
    }
    let orderChanged = merged.length !== this.cache.length;
    const rows = merged.map((row, i) => {
      if (!orderChanged && this.cache[i]?.id !== row.id) orderChanged = true;
      const old = this.positions.has(row.id) ? this.cache[this.positions.get(row.id) as number] : undefined;
      const numbered = row.number === i + 1 ? row : Object.freeze({ ...row, number: i + 1 });
      if (old && sameRow(old, numbered)) return old;
      changed.add(row.id);
      return numbered;
    });
    this.cache = Object.freeze(rows);
    this.positions = positionsOf(this.cache);
    return { changed, removed, orderChanged };
  }

  /** One row's snapshot as the document holds it now; null if there is no such row. */
  private readRow(id: string, number: number, row: unknown = this.root.get(id)): RowSnapshot | null {
    return readRow(this.template, id, number, row);
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

  private readAllRows(): RowSnapshot[] {
    const raw: RowSnapshot[] = [];
    for (const [id, value] of this.root.entries()) {
      const row = this.readRow(id, 0, value);
      if (row) raw.push(row);
    }
    raw.sort(compareRows);
    return raw.map((r, i) => Object.freeze({ ...r, number: i + 1 }));
  }
}

/**
 * The first `limit` rows of a table in display order, and how many rows it
 * has, read without a TableModel: nothing is left observing the document (the
 * server reads a loaded room's first screen with it), and only the rows shown
 * have their cells read.
 */
export function firstRowsOf(
  ydoc: Y.Doc,
  template: TableTemplate,
  limit: number,
): { readonly rows: readonly RowSnapshot[]; readonly rowCount: number } {
  const root = ydoc.getMap<RowMap>(tableRootName(template.id));
  const keys: { id: string; order: string; row: RowMap }[] = [];
  for (const [id, row] of root.entries()) {
    if (!(row instanceof Y.Map)) continue; // as readRow: not a row
    const order = row.get(ORDER_KEY);
    keys.push({ id, order: typeof order === "string" ? order : "", row });
  }
  keys.sort(compareRows);
  const rows = keys
    .slice(0, Math.max(0, limit))
    .map((k, i) => readRow(template, k.id, i + 1, k.row))
    .filter((r): r is RowSnapshot => r !== null);
  return { rows, rowCount: keys.length };
}

/** One row's snapshot (cells of the template's columns that hold cell values); null if it is not a row. */
function readRow(template: TableTemplate, id: string, number: number, row: unknown): RowSnapshot | null {
  if (!(row instanceof Y.Map)) return null; // not a row: ignore rather than break the view
  const order = row.get(ORDER_KEY);
  const cells: Record<string, CellValue> = {};
  for (const column of template.columns) {
    const value = row.get(column.id);
    if (isCellValue(value)) cells[column.id] = value;
  }
  return Object.freeze({ id, order: typeof order === "string" ? order : "", number, cells: Object.freeze(cells) });
}

const EMPTY: ReadonlySet<string> = new Set();
const NO_CHANGE: RowsChange = { changed: EMPTY, removed: EMPTY, orderChanged: false };

function positionsOf(rows: readonly RowSnapshot[]): Map<string, number> {
  return new Map(rows.map((r, i) => [r.id, i]));
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
