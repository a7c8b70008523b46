import type { TableTemplate } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { buildColumnDefs } from "./columnDefs.ts";
import { PeopleCellEditor } from "./people/PeopleCellEditor.tsx";
import { SelectionStore } from "./selection/selectionStore.ts";

const table: TableTemplate = {
  id: "t",
  title: "t",
  columns: [
    { id: "n", title: "N", type: { kind: "rowNumber" }, width: 60 },
    { id: "short", title: "Short", type: { kind: "text" } },
    { id: "long", title: "Long", type: { kind: "longText" }, width: 300 },
    { id: "period", title: "Period", type: { kind: "period" } },
    { id: "people", title: "People", type: { kind: "people" } },
    { id: "state", title: "State", type: { kind: "enum", options: ["a", "b"] } },
    { id: "count", title: "Count", type: { kind: "number", integer: true } },
    { id: "due", title: "Due", type: { kind: "date" } },
    { id: "done", title: "Done", type: { kind: "boolean" } },
    { id: "part", title: "Part", type: { kind: "number" } },
    { id: "share", title: "Share, %", type: { kind: "share", part: "part", whole: "count" } },
  ],
};

const defs = buildColumnDefs(table, new SelectionStore());
const byId = (id: string) => {
  const def = defs.find((d) => d.colId === id);
  if (!def) throw new Error(`no column ${id}`);
  return def;
};

/** The params the list editor of a column is opened with, after `eventKey` was typed. */
function editorParams(id: string, eventKey: string | undefined): unknown {
  const params = byId(id).cellEditorParams;
  if (typeof params !== "function") throw new Error("no params function");
  return params({ eventKey } as never);
}

describe("buildColumnDefs", () => {
  it("keeps the template's columns, titles and order", () => {
    expect(defs.map((d) => d.colId)).toEqual(table.columns.map((c) => c.id));
    expect(defs.map((d) => d.headerName)).toEqual(table.columns.map((c) => c.title));
  });

  it("derives № from the row, carries the drag handle and is never editable", () => {
    const n = byId("n");
    expect(n.rowDrag).toBe(true);
    expect(n.editable).toBe(false);
    expect(n.pinned).toBe("left");
  });

  it("picks the editor for each column type", () => {
    expect(byId("short").cellEditor).toBe("agTextCellEditor");
    for (const id of ["long", "period", "people"]) {
      if (id !== "people") expect(byId(id).cellEditor).toBe("agLargeTextCellEditor");
      expect(byId(id).cellEditorPopup).toBe(true);
      expect(byId(id).wrapText).toBe(true);
      expect(byId(id).autoHeight).toBe(true);
    }
    expect(byId("people").cellEditor).toBe(PeopleCellEditor);
    expect(byId("state").cellEditor).toBe("agSelectCellEditor");
    expect(editorParams("state", undefined)).toEqual({ values: ["", "a", "b"] });
    // Numbers are edited as text and read by parseCell: «2,5» must reach it with its comma.
    expect(byId("count").cellEditor).toBe("agTextCellEditor");
    expect(byId("count").cellEditorParams).toEqual({ useFormatter: true });
    expect(byId("count").cellDataType).toBe("text");
    expect(byId("due").cellEditor).toBe("agDateStringCellEditor");
    expect(byId("done").cellEditor).toBe("agCheckboxCellEditor");
  });

  it("opens a list cell typed into with its list shown and the first option beginning with the letter picked", () => {
    const values = ["", "a", "b"];
    expect(editorParams("state", "b")).toEqual({ values, value: "b", eventKey: "Enter" });
    expect(editorParams("state", "B")).toEqual({ values, value: "b", eventKey: "Enter" });
    // No option begins with it: the list with the cell's own value.
    expect(editorParams("state", "z")).toEqual({ values, eventKey: "Enter" });
    // Opened with Enter, F2 or a double click: as AG Grid does it.
    expect(editorParams("state", "Enter")).toEqual({ values });
    expect(editorParams("state", "F2")).toEqual({ values });
    expect(editorParams("state", undefined)).toEqual({ values });
  });

  it("pins № and the main text column on the left, and only a leading run of columns", () => {
    expect(byId("n").pinned).toBe("left");
    expect(byId("short").pinned).toBe("left");
    expect(byId("short").lockPinned).toBe(true);
    expect(defs.filter((d) => d.pinned).map((d) => d.colId)).toEqual(["n", "short"]);
    // Pinned columns keep their preferred width; the others share what is left.
    expect(byId("short").flex).toBe(0);
  });

  it("lets long texts be as long as the model allows, not AG Grid's default 200 characters", () => {
    expect((byId("long").cellEditorParams as { maxLength: number }).maxLength).toBeGreaterThan(200);
  });

  it("shows dates as DD.MM.YYYY and numbers with a decimal comma", () => {
    const format = (id: string, value: unknown) => {
      const formatter = byId(id).valueFormatter;
      if (typeof formatter !== "function") throw new Error("no formatter");
      return formatter({ value } as never);
    };
    expect(format("due", "2022-01-26")).toBe("26.01.2022");
    expect(format("count", 55.2)).toBe("55,2");
  });

  it("computes a share from its row, shows it as 18,8 % and never opens an editor for it", () => {
    const share = byId("share");
    expect(share.editable).toBe(false);
    const getter = share.valueGetter;
    const formatter = share.valueFormatter;
    if (typeof getter !== "function" || typeof formatter !== "function") throw new Error("no getter");
    const value = getter({ data: { id: "r", order: "a", number: 1, cells: { part: 3, count: 16 } } } as never);
    expect(value).toBe(18.8);
    expect(formatter({ value } as never)).toBe("18,8\u00a0%");
    expect(getter({ data: { id: "r", order: "a", number: 1, cells: { part: 3 } } } as never)).toBeNull();
  });

  it("keeps the total row out of editing", () => {
    const editable = byId("count").editable;
    if (typeof editable !== "function") throw new Error("editable is not a rule");
    expect(editable({ node: { rowPinned: "bottom" } } as never)).toBe(false);
    expect(editable({ node: { rowPinned: null } } as never)).toBe(true);
  });
});
