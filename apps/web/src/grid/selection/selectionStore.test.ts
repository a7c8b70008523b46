import { describe, expect, it, vi } from "vitest";
import { SelectionStore } from "./selectionStore.ts";

const axes = { rowIds: ["a", "b", "c"], colIds: ["n", "x", "y"] };

describe("SelectionStore", () => {
  it("extends from the anchor and reports old and new bounds", () => {
    const store = new SelectionStore();
    store.setAxes(axes);
    const listener = vi.fn();
    store.subscribe(listener);
    store.select({ rowId: "a", colId: "x" });
    store.extendTo({ rowId: "b", colId: "y" });
    expect(store.getBounds()).toEqual({ top: 0, bottom: 1, left: 1, right: 2 });
    expect(listener).toHaveBeenLastCalledWith(
      { top: 0, bottom: 0, left: 1, right: 1 },
      { top: 0, bottom: 1, left: 1, right: 2 },
    );
  });

  it("follows its rows when a colleague inserts a row above", () => {
    const store = new SelectionStore();
    store.setAxes(axes);
    store.select({ rowId: "b", colId: "x" });
    store.setAxes({ ...axes, rowIds: ["new", "a", "b", "c"] });
    expect(store.getBounds()).toEqual({ top: 2, bottom: 2, left: 1, right: 1 });
  });

  it("drops the selection when its row is deleted", () => {
    const store = new SelectionStore();
    store.setAxes(axes);
    store.select({ rowId: "c", colId: "x" });
    store.setAxes({ ...axes, rowIds: ["a", "b"] });
    expect(store.getBounds()).toBeNull();
    expect(store.getRange()).toBeNull();
  });

  it("does not notify when nothing visible changed", () => {
    const store = new SelectionStore();
    store.setAxes(axes);
    store.select({ rowId: "a", colId: "x" });
    const listener = vi.fn();
    store.subscribe(listener);
    store.select({ rowId: "a", colId: "x" });
    expect(listener).not.toHaveBeenCalled();
  });
});
