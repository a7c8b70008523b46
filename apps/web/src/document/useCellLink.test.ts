import { describe, expect, it } from "vitest";
import { type LinkedTable, linkedCellTarget } from "./useCellLink.ts";

function table(rowIds: string[], inGrid: string[] = rowIds): LinkedTable {
  return {
    session: {
      colIds: ["n", "measure", "period", "status"],
      rows: () => rowIds.map((id) => ({ id })),
      api: { getRowNode: (id: string) => (inGrid.includes(id) ? { id } : undefined) },
      firstEditableColId: () => "measure",
    },
  };
}

const link = { table: "measures", row: "r2", column: "period" };

describe("finding a linked cell", () => {
  it("selects the cell once the grid holds its row", () => {
    expect(linkedCellTarget(link, table(["r1", "r2"]), true)).toEqual({ outcome: "ready", column: "period" });
  });

  it("waits for the table to be drawn and for the grid to receive the row", () => {
    expect(linkedCellTarget(link, undefined, true)).toEqual({ outcome: "wait" });
    expect(linkedCellTarget(link, table(["r1", "r2"], ["r1"]), true)).toEqual({ outcome: "wait" });
  });

  it("knows a row or a table the document does not have", () => {
    expect(linkedCellTarget(link, table(["r1"]), true)).toEqual({ outcome: "missing" });
    expect(linkedCellTarget(link, undefined, false)).toEqual({ outcome: "missing" });
  });

  it("selects the row's first column one types into when the column is unknown", () => {
    expect(linkedCellTarget({ ...link, column: "gone" }, table(["r2"]), true)).toEqual({
      outcome: "ready",
      column: "measure",
    });
  });
});
