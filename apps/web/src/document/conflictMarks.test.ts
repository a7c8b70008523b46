import { KartaDocument } from "@karta/doc";
import { antiRiskProgramme } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { cellKey } from "../problems/problemCells.ts";
import { conflictMarksOf, describeConflict } from "./ConflictsBanner.tsx";

describe("conflictMarksOf", () => {
  it("says both values and authors on the cell, and where it is", () => {
    const doc = KartaDocument.create(new Y.Doc(), antiRiskProgramme);
    const table = doc.table("measures");
    table.insertRow(0, { measure: "Первое" });
    const rowId = table.insertRow(1, { measure: "Второе" });
    const conflict = {
      id: 7,
      table: "measures",
      rowId,
      columnId: "participants",
      kept: { value: "Учителя", by: { id: "a", name: "Лысенко Марина Ивановна" } },
      lost: { value: "Родители", by: { id: "b", name: "Петров Иван" } },
      at: "2025-01-01T00:00:00Z",
    };
    const marks = conflictMarksOf(doc, [conflict]);
    expect(marks.get("measures")?.get(cellKey(rowId, "participants"))).toBe(
      "конфликт правок: «Учителя» (Лысенко Марина Ивановна) или «Родители» (Петров Иван)",
    );
    expect(describeConflict(doc, conflict).place).toBe("Строка 2, «Участники»");
  });
});
