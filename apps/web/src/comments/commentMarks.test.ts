import type { ThreadView } from "@karta/doc";
import { describe, expect, it } from "vitest";
import { CommentMarksStore } from "./commentMarks.ts";
import { placeBeside } from "./useFloatingPlacement.ts";

function thread(id: string, rowId: string, status: "open" | "resolved" = "open", table = "measures"): ThreadView {
  return {
    id,
    anchor: { kind: "cell", table, rowId, columnId: "period", quote: "" },
    createdBy: "a",
    createdAt: 1,
    status,
    comments: [],
  };
}

describe("CommentMarksStore", () => {
  it("counts open threads per cell and keeps unchanged marks, telling listeners only of changes", () => {
    const store = new CommentMarksStore(["measures"]);
    let calls = 0;
    store.subscribe(() => calls++);
    store.update([thread("t1", "r1"), thread("t2", "r1", "resolved"), thread("t3", "r2", "resolved")]);
    expect(store.markAt("measures", "r1", "period")).toMatchObject({ open: 1, total: 2 });
    expect(store.markAt("measures", "r2", "period")).toMatchObject({ open: 0, total: 1 });
    expect(store.markAt("measures", "r3", "period")).toBeNull();
    const first = store.markAt("measures", "r1", "period");

    expect(store.update([thread("t1", "r1"), thread("t2", "r1", "resolved"), thread("t3", "r2", "resolved")])).toBe(
      false,
    );
    expect(calls).toBe(1);
    store.update([thread("t1", "r1"), thread("t2", "r1", "resolved"), thread("t3", "r2")]);
    expect(store.markAt("measures", "r1", "period")).toBe(first);
    expect(store.markAt("measures", "r2", "period")?.open).toBe(1);
    expect(calls).toBe(2);
  });

  it("ignores other tables' threads and drops marks whose threads are gone", () => {
    const store = new CommentMarksStore(["measures"]);
    store.update([thread("t1", "r1"), thread("t2", "r1", "open", "other")]);
    expect(store.markAt("measures", "r1", "period")?.total).toBe(1);
    expect(store.markAt("other", "r1", "period")).toBeNull();
    store.update([]);
    expect(store.markAt("measures", "r1", "period")).toBeNull();
  });
});

describe("placeBeside", () => {
  const box = { width: 340, height: 200 };
  const viewport = { width: 1440, height: 900 };
  it("puts the popover right of the cell, else left of it, else below, inside the window", () => {
    expect(placeBeside({ left: 100, right: 300, top: 50, bottom: 80 }, box, viewport)).toEqual({ left: 308, top: 50 });
    expect(placeBeside({ left: 1000, right: 1200, top: 850, bottom: 880 }, box, viewport)).toEqual({
      left: 652,
      top: 692,
    });
    expect(placeBeside({ left: 20, right: 1420, top: 100, bottom: 130 }, box, viewport)).toEqual({
      left: 20,
      top: 138,
    });
  });
});

describe("placeBeside a phrase", () => {
  it("puts the popover under the phrase's line, or above it near the window's bottom", () => {
    const box = { width: 340, height: 200 };
    const viewport = { width: 1440, height: 900 };
    expect(placeBeside({ left: 420, right: 600, top: 160, bottom: 180 }, box, viewport, "below")).toEqual({
      left: 420,
      top: 188,
    });
    expect(placeBeside({ left: 1300, right: 1400, top: 800, bottom: 820 }, box, viewport, "below")).toEqual({
      left: 1092,
      top: 592,
    });
  });
});
