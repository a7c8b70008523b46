import { KartaDocument } from "@karta/doc";
import { municipalRoadmap, teacherDeficits } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { writeEditedValue } from "./editedValue.ts";

describe("writeEditedValue", () => {
  it("writes a text editor's value, and an emptied editor as no value", () => {
    const table = KartaDocument.create(new Y.Doc(), municipalRoadmap).table("measures");
    const row = table.insertRow(0, { measure: "Семинар" });
    expect(writeEditedValue(table, row, "measure", "Вебинар")).toBe(true);
    expect(table.row(row)?.cells.measure).toBe("Вебинар");
    expect(writeEditedValue(table, row, "measure", undefined)).toBe(true);
    expect(table.row(row)?.cells.measure ?? null).toBeNull();
  });

  it("reads a count typed as «1 234», and refuses «2,5» leaving the cell as it was", () => {
    const table = KartaDocument.create(new Y.Doc(), teacherDeficits).table("subjects");
    const row = table.insertRow(0, { subject: "Математика" });
    expect(writeEditedValue(table, row, "teachers", "1 234")).toBe(true);
    expect(table.row(row)?.cells.teachers).toBe(1234);
    expect(writeEditedValue(table, row, "teachers", "2,5")).toBe(false);
    expect(table.row(row)?.cells.teachers).toBe(1234);
  });

  it("refuses a row that is no longer there without throwing", () => {
    const table = KartaDocument.create(new Y.Doc(), municipalRoadmap).table("measures");
    expect(writeEditedValue(table, "gone", "measure", "Вебинар")).toBe(false);
  });
});
