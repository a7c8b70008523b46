import { describe, expect, it } from "vitest";
import { type PasteColumn, planPaste } from "./pastePlan.ts";

const columns: PasteColumn[] = [
  { id: "n", type: { kind: "rowNumber" } },
  { id: "measure", type: { kind: "longText" } },
  { id: "count", type: { kind: "number", integer: true } },
  { id: "due", type: { kind: "date" } },
];
const rowIds = ["r0", "r1", "r2"];

describe("planPaste", () => {
  it("writes a block cell for cell from the top-left of the selection", () => {
    const plan = planPaste({
      matrix: [
        ["a", "1"],
        ["b", "2"],
      ],
      rowIds,
      columns,
      target: { top: 1, bottom: 1, left: 1, right: 1 },
    });
    expect(plan.edits).toEqual([
      { rowId: "r1", columnId: "measure", value: "a" },
      { rowId: "r1", columnId: "count", value: 1 },
      { rowId: "r2", columnId: "measure", value: "b" },
      { rowId: "r2", columnId: "count", value: 2 },
    ]);
    expect(plan.newRows).toEqual([]);
    expect(plan.skipped).toBe(0);
    expect(plan.pasted).toEqual({ top: 1, bottom: 2, left: 1, right: 2 });
  });

  it("appends rows when the paste is taller than the rest of the table", () => {
    const plan = planPaste({
      matrix: [["x"], ["y"], ["z"]],
      rowIds,
      columns,
      target: { top: 2, bottom: 2, left: 1, right: 1 },
    });
    expect(plan.edits).toEqual([{ rowId: "r2", columnId: "measure", value: "x" }]);
    expect(plan.newRows).toEqual([{ measure: "y" }, { measure: "z" }]);
    expect(plan.pasted).toEqual({ top: 2, bottom: 4, left: 1, right: 1 });
  });

  it("skips the № column, invalid values and cells past the last column, and counts them", () => {
    const plan = planPaste({
      matrix: [["7", "text", "many", "31.02.2022", "extra"]],
      rowIds,
      columns,
      target: { top: 0, bottom: 0, left: 0, right: 0 },
    });
    expect(plan.edits).toEqual([{ rowId: "r0", columnId: "measure", value: "text" }]);
    expect(plan.skipped).toBe(4);
    expect(plan.refusals).toEqual([
      { columnId: "count", text: "many", refusal: { kind: "number" } },
      { columnId: "due", text: "31.02.2022", refusal: { kind: "date" } },
    ]);
  });

  it("refuses «2,5» pasted into a count and says why", () => {
    const plan = planPaste({ matrix: [["2,5"]], rowIds, columns, target: { top: 0, bottom: 0, left: 2, right: 2 } });
    expect(plan.edits).toEqual([]);
    expect(plan.refusals).toEqual([{ columnId: "count", text: "2,5", refusal: { kind: "integer" } }]);
  });

  it("reads «1 234» as 1234", () => {
    const plan = planPaste({ matrix: [["1 234"]], rowIds, columns, target: { top: 0, bottom: 0, left: 2, right: 2 } });
    expect(plan.edits).toEqual([{ rowId: "r0", columnId: "count", value: 1234 }]);
  });

  it("never writes a computed share, neither pasted nor filled from one value", () => {
    const withShare: PasteColumn[] = [
      ...columns,
      { id: "share", type: { kind: "share", part: "count", whole: "count" } },
    ];
    const block = planPaste({
      matrix: [["5", "18,8 %"]],
      rowIds,
      columns: withShare,
      target: { top: 0, bottom: 0, left: 2, right: 2 },
    });
    expect(block.edits).toEqual([{ rowId: "r0", columnId: "count", value: 5 }]);
    expect(block.skipped).toBe(1);
    const fill = planPaste({
      matrix: [["50"]],
      rowIds,
      columns: withShare,
      target: { top: 0, bottom: 2, left: 4, right: 4 },
    });
    expect(fill.edits).toEqual([]);
    expect(fill.skipped).toBe(3);
  });

  it("clears cells for empty pasted values", () => {
    const plan = planPaste({ matrix: [["", "3"]], rowIds, columns, target: { top: 0, bottom: 0, left: 1, right: 1 } });
    expect(plan.edits).toEqual([
      { rowId: "r0", columnId: "measure", value: null },
      { rowId: "r0", columnId: "count", value: 3 },
    ]);
  });

  it("fills the whole selection with a single copied value", () => {
    const plan = planPaste({ matrix: [["same"]], rowIds, columns, target: { top: 0, bottom: 1, left: 1, right: 1 } });
    expect(plan.edits).toEqual([
      { rowId: "r0", columnId: "measure", value: "same" },
      { rowId: "r1", columnId: "measure", value: "same" },
    ]);
  });

  it("does nothing for an empty clipboard", () => {
    const plan = planPaste({ matrix: [], rowIds, columns, target: { top: 0, bottom: 0, left: 1, right: 1 } });
    expect(plan.edits).toEqual([]);
    expect(plan.newRows).toEqual([]);
  });
});
