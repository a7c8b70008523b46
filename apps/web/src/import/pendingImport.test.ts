import { describe, expect, it } from "vitest";
import { holdImport, takeImport } from "./pendingImport.ts";

describe("pending import", () => {
  it("gives the rows to their document's table once", () => {
    holdImport("doc-1", { tableId: "measures", rows: [{ measure: "a" }] });
    expect(takeImport("doc-1", "other")).toBeNull();
    expect(takeImport("doc-2", "measures")).toBeNull();
    expect(takeImport("doc-1", "measures")).toEqual([{ measure: "a" }]);
    expect(takeImport("doc-1", "measures")).toBeNull();
  });
});
