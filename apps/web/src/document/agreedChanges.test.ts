import { describe, expect, it } from "vitest";
import { cellKey } from "../problems/problemCells.ts";
import { agreedChangesOf } from "./agreedChanges.ts";

describe("agreedChangesOf", () => {
  it("sorts changes by table and section and counts them", () => {
    const changes = agreedChangesOf({
      since: { versionId: 1, at: "2025-01-01T00:00:00Z" },
      changes: [
        {
          kind: "cell",
          table: "measures",
          rowId: "r1",
          rowNumber: 1,
          columnId: "participants",
          columnTitle: "Участники",
          agreed: "Классные руководители",
          current: "Учителя",
        },
        { kind: "rowAdded", table: "measures", rowId: "r9", rowNumber: 6 },
        {
          kind: "cell",
          table: "measures",
          rowId: "r9",
          rowNumber: 6,
          columnId: "measure",
          columnTitle: "Мероприятие",
          agreed: null,
          current: "Новое",
        },
        { kind: "paragraph", section: "goal", sectionTitle: "Цель", index: 0, agreed: "Повысить", current: "Поднять" },
        { kind: "rowMoved", table: "measures", rowId: "r2", rowNumber: 4 },
        { kind: "rowDeleted", table: "measures", rowId: "r3", agreed: { measure: "Старое", period: "Май" } },
      ],
    });
    expect(changes.count).toBe(5);
    const measures = changes.tables.get("measures");
    expect(measures?.cells.get(cellKey("r1", "participants"))).toBe("Классные руководители");
    expect(measures?.cells.has(cellKey("r9", "measure"))).toBe(false);
    expect([...(measures?.addedRows ?? [])]).toEqual(["r9"]);
    expect(changes.sections.get("goal")).toEqual(["Повысить"]);
    expect([...(measures?.movedRows ?? [])]).toEqual(["r2"]);
    expect(measures?.deletedRows).toEqual([{ rowId: "r3", agreed: { measure: "Старое", period: "Май" } }]);
    // The filter «только изменённые строки» keeps the rows still there that differ; a deleted one is not in the table.
    expect([...(measures?.changedRows ?? [])].sort()).toEqual(["r1", "r2", "r9"]);
  });
});
