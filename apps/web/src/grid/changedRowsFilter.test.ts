import type { RowSnapshot } from "@karta/doc";
import { describe, expect, it } from "vitest";
import type { TableChanges } from "../document/agreedChanges.ts";
import { unchangedRowIds } from "./changedRowsFilter.ts";

const row = (id: string, number: number): RowSnapshot => ({ id, order: `a${number}`, number, cells: {} });

describe("unchangedRowIds", () => {
  it("hides the rows that do not differ and keeps added, moved and edited ones", () => {
    const changes: TableChanges = {
      cells: new Map(),
      addedRows: new Set(["added"]),
      movedRows: new Set(["moved"]),
      deletedRows: [{ rowId: "gone", agreed: {} }],
      changedRows: new Set(["added", "moved", "edited"]),
    };
    const rows = [row("same1", 1), row("edited", 2), row("moved", 3), row("same2", 4), row("added", 5)];
    expect([...unchangedRowIds(rows, changes)]).toEqual(["same1", "same2"]);
  });
});
