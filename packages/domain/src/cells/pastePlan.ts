import { type CellValue, type ColumnType, isDerived } from "@karta/schema";
import { type CellRefusal, parseCell } from "./parseCell.ts";

export interface PasteColumn {
  readonly id: string;
  readonly type: ColumnType;
}

/** A rectangle of cells by index, inclusive on all sides. */
export interface PasteBounds {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** One cell to write into an existing row (the shape of `CellEdit` in @karta/doc). */
export interface PasteEdit {
  readonly rowId: string;
  readonly columnId: string;
  readonly value: CellValue;
}

/** A pasted text the column did not take, and why. */
export interface PasteRefusal {
  readonly columnId: string;
  readonly text: string;
  readonly refusal: CellRefusal;
}

export interface PasteInput {
  /** Parsed clipboard text, row by row. */
  readonly matrix: readonly (readonly string[])[];
  /** Row ids in display order. */
  readonly rowIds: readonly string[];
  /** Columns in display order. */
  readonly columns: readonly PasteColumn[];
  /** The selected cells; a paste starts at their top-left corner. */
  readonly target: PasteBounds;
}

export interface PastePlan {
  /** Writes into existing rows. */
  readonly edits: PasteEdit[];
  /** Cells of the rows to append when the paste is taller than the rest of the table. */
  readonly newRows: Record<string, CellValue>[];
  /** Cells that were not written: derived column, invalid value or past the last column. */
  readonly skipped: number;
  /** The skipped texts a column refused (a subset of `skipped`), in paste order. */
  readonly refusals: PasteRefusal[];
  /** Where the pasted block lies, for selecting it afterwards. */
  readonly pasted: PasteBounds;
}

/**
 * Decides, cell for cell, what a paste writes. One copied value pasted onto a
 * larger selection fills it, as in Excel; a block pastes at its own size from
 * the selection's top-left cell and grows the table downwards if needed.
 */
export function planPaste({ matrix, rowIds, columns, target }: PasteInput): PastePlan {
  const only = matrix.length === 1 && matrix[0]?.length === 1 ? matrix[0][0] : undefined;
  const block: readonly (readonly string[])[] =
    only !== undefined
      ? Array.from({ length: target.bottom - target.top + 1 }, () =>
          Array.from({ length: target.right - target.left + 1 }, () => only),
        )
      : matrix;
  const edits: PasteEdit[] = [];
  const refusals: PasteRefusal[] = [];
  const newRows: Record<string, CellValue>[] = [];
  let skipped = 0;
  let widest = 0;
  block.forEach((cells, r) => {
    const rowIndex = target.top + r;
    const rowId = rowIds[rowIndex];
    const fresh: Record<string, CellValue> | undefined = rowId === undefined ? {} : undefined;
    cells.forEach((text, c) => {
      const column = columns[target.left + c];
      if (!column) {
        if (text !== "") skipped += 1;
        return;
      }
      widest = Math.max(widest, c + 1);
      // № and shares are computed: a paste (or a fill) never writes them.
      if (isDerived(column.type)) {
        if (text !== "") skipped += 1;
        return;
      }
      const parsed = parseCell(text, column.type);
      if (!parsed.ok) {
        skipped += 1;
        refusals.push({ columnId: column.id, text, refusal: parsed.refusal });
        return;
      }
      if (fresh) {
        if (parsed.value !== null) fresh[column.id] = parsed.value;
      } else if (rowId !== undefined) {
        edits.push({ rowId, columnId: column.id, value: parsed.value });
      }
    });
    if (fresh) newRows.push(fresh);
  });
  const height = Math.max(block.length, 1);
  return {
    edits,
    newRows,
    skipped,
    refusals,
    pasted: {
      top: target.top,
      bottom: target.top + height - 1,
      left: target.left,
      right: target.left + Math.max(widest, 1) - 1,
    },
  };
}
