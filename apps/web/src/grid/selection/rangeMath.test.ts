import { describe, expect, it } from "vitest";
import {
  colsTouched,
  containsCell,
  type GridAxes,
  rangeBounds,
  rowsTouched,
  sameBounds,
  stepAddress,
} from "./rangeMath.ts";

const axes: GridAxes = { rowIds: ["r0", "r1", "r2", "r3"], colIds: ["n", "a", "b"] };

describe("rangeBounds", () => {
  it("normalises a range dragged up and to the left", () => {
    const bounds = rangeBounds({ anchor: { rowId: "r2", colId: "b" }, head: { rowId: "r0", colId: "a" } }, axes);
    expect(bounds).toEqual({ top: 0, bottom: 2, left: 1, right: 2 });
  });

  it("follows rows to their new place after a move", () => {
    const range = { anchor: { rowId: "r1", colId: "a" }, head: { rowId: "r1", colId: "b" } };
    const moved: GridAxes = { ...axes, rowIds: ["r1", "r0", "r2", "r3"] };
    expect(rangeBounds(range, moved)).toEqual({ top: 0, bottom: 0, left: 1, right: 2 });
  });

  it("is null when a corner's row was deleted by someone else", () => {
    const range = { anchor: { rowId: "gone", colId: "a" }, head: { rowId: "r1", colId: "b" } };
    expect(rangeBounds(range, axes)).toBeNull();
  });
});

describe("containsCell", () => {
  it("includes the edges and excludes the outside", () => {
    const b = { top: 1, bottom: 2, left: 1, right: 2 };
    expect(containsCell(b, 1, 1)).toBe(true);
    expect(containsCell(b, 2, 2)).toBe(true);
    expect(containsCell(b, 0, 1)).toBe(false);
    expect(containsCell(b, 1, 0)).toBe(false);
    expect(containsCell(null, 1, 1)).toBe(false);
  });
});

describe("stepAddress", () => {
  it("moves by rows and columns and stops at the edges", () => {
    expect(stepAddress({ rowId: "r1", colId: "a" }, 1, 1, axes)).toEqual({ rowId: "r2", colId: "b" });
    expect(stepAddress({ rowId: "r3", colId: "b" }, 1, 1, axes)).toEqual({ rowId: "r3", colId: "b" });
    expect(stepAddress({ rowId: "r0", colId: "n" }, -1, -1, axes)).toEqual({ rowId: "r0", colId: "n" });
  });
});

describe("rowsTouched", () => {
  it("lists every row of the old and the new bounds once", () => {
    expect(rowsTouched({ top: 0, bottom: 1, left: 0, right: 0 }, { top: 1, bottom: 3, left: 0, right: 0 })).toEqual([
      0, 1, 2, 3,
    ]);
    expect(rowsTouched(null, null)).toEqual([]);
  });
});

describe("colsTouched", () => {
  it("lists every column of the old and the new bounds once", () => {
    expect(colsTouched({ top: 0, bottom: 0, left: 2, right: 3 }, { top: 0, bottom: 0, left: 1, right: 2 })).toEqual([
      1, 2, 3,
    ]);
  });
});

describe("sameBounds", () => {
  it("compares by value", () => {
    expect(sameBounds({ top: 0, bottom: 1, left: 0, right: 1 }, { top: 0, bottom: 1, left: 0, right: 1 })).toBe(true);
    expect(sameBounds(null, { top: 0, bottom: 1, left: 0, right: 1 })).toBe(false);
    expect(sameBounds(null, null)).toBe(true);
  });
});
