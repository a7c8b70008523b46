import type { Sheet } from "@karta/export";
import { type TableTemplate, teacherDeficits } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { bestSheet, initialLayout, layoutFor } from "./importLayout.ts";

const table = teacherDeficits.tables[0] as TableTemplate;
const titles = table.columns.map((c) => c.title);

describe("import layout", () => {
  it("starts from the header found and the columns matched by title", () => {
    const rows = [["Мониторинг"], titles, ["химия", 16]];
    const layout = initialLayout(table, rows);
    expect(layout.headerRow).toBe(1);
    expect(layout.mapping.subject).toBe(0);
    expect(layout.mapping.teachers).toBe(1);
  });

  it("maps nothing when the person says the file has no header", () => {
    const layout = layoutFor(table, [titles], null);
    expect(Object.values(layout.mapping).every((v) => v === null)).toBe(true);
  });

  it("picks the sheet whose header names the most columns", () => {
    const sheets: Sheet[] = [
      { name: "Титул", rows: [["Отчёт"]] },
      { name: "Данные", rows: [titles, ["химия", 16]] },
    ];
    expect(bestSheet(table, sheets)).toBe(1);
  });
});
