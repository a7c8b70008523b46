import type { SheetValue } from "@karta/domain";
import { type ColumnTemplate, municipalRoadmap, type TableTemplate, teacherDeficits } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { fileColumns, findHeaderRow, importableColumns, planImport, suggestMapping } from "./importPlan.ts";
import { columnLetter, normaliseTitle } from "./titles.ts";

// Titles are read from the templates at run time: the forms' wording may change.
const deficits = teacherDeficits.tables[0] as TableTemplate;
const roadmap = municipalRoadmap.tables[0] as TableTemplate;
const col = (table: TableTemplate, id: string) => table.columns.find((c) => c.id === id) as ColumnTemplate;
const title = (table: TableTemplate, id: string) => col(table, id).title;

/** A file as an export writes it: a title line, the header with every column, data, the total row. */
function deficitsFile(rows: readonly (readonly SheetValue[])[]): SheetValue[][] {
  return [
    ["Мониторинг предметных дефицитов педагогов"],
    [],
    deficits.columns.map((c) => c.title),
    ...rows.map((r) => [...r]),
  ];
}

describe("normaliseTitle", () => {
  it("ignores case, ё, spaces and Latin look-alikes of Cyrillic letters", () => {
    expect(normaliseTitle("  Уровень  A\n(системные) ")).toBe(normaliseTitle("уровень А (системные)"));
    expect(normaliseTitle("Объём")).toBe(normaliseTitle("ОБЪЕМ"));
  });
});

describe("findHeaderRow", () => {
  it("finds the row naming the most columns, below a title block", () => {
    expect(findHeaderRow(deficits, deficitsFile([["химия", 16]]))).toBe(2);
  });

  it("matches the official form's wording too", () => {
    const official = deficits.columns.map((c) => c.officialTitle ?? c.title);
    expect(findHeaderRow(deficits, [["Приложение"], official, ["химия", 16]])).toBe(1);
  });

  it("says there is none when no row names a column", () => {
    expect(findHeaderRow(deficits, [["химия", 16]])).toBeNull();
  });
});

describe("suggestMapping", () => {
  it("maps each importable column to the header cell with its title, whatever the order and the case", () => {
    const header = ["", title(deficits, "teachers").toUpperCase(), "лишний столбец", title(deficits, "subject")];
    const mapping = suggestMapping(deficits, header);
    expect(mapping.subject).toBe(3);
    expect(mapping.teachers).toBe(1);
    expect(mapping.a).toBeNull();
    // № and shares are computed: never imported, never mapped.
    expect(Object.keys(mapping)).toEqual(importableColumns(deficits).map((c) => c.id));
    expect(importableColumns(deficits).some((c) => c.type.kind === "share")).toBe(false);
  });

  it("takes an older or longer wording that begins with the title", () => {
    const period = title(roadmap, "period");
    const shorter = period.split(" ").slice(0, 2).join(" ");
    const mapping = suggestMapping(roadmap, [`${title(roadmap, "measure")} (мероприятие)`, shorter]);
    expect(mapping.measure).toBe(0);
    expect(mapping.period).toBe(1);
  });
});

describe("fileColumns", () => {
  it("names the file's columns by the header, or by letter", () => {
    const rows = [
      ["Предмет", null],
      ["химия", 16, "лишнее"],
    ];
    expect(fileColumns(rows, 0).map((c) => c.label)).toEqual(["Предмет", "B", "C"]);
    expect(fileColumns(rows, null).map((c) => c.label)).toEqual(["A", "B", "C"]);
    expect([0, 25, 26, 701].map(columnLetter)).toEqual(["A", "Z", "AA", "ZZ"]);
  });
});

describe("planImport", () => {
  const plan = (rows: SheetValue[][]) => {
    const header = findHeaderRow(deficits, rows);
    return planImport(deficits, rows, header, suggestMapping(deficits, rows[header ?? 0] ?? []));
  };

  it("reads each row into the template's columns by type, skipping shares, empty rows and the total", () => {
    const result = plan(
      deficitsFile([
        ["химия", 16, 3, 4, 7, 2, "18,8 %"],
        ["физика", "1 234", "0", "0", "1 000", "234"],
        [],
        ["Всего:", 1250, 3, 4, 1007, 236],
      ]),
    );
    expect(result.issues).toEqual([]);
    expect(result.rows).toEqual([
      { subject: "химия", teachers: 16, a: 3, b: 4, c: 7, d: 2 },
      { subject: "физика", teachers: 1234, a: 0, b: 0, c: 1000, d: 234 },
    ]);
    expect(result.sourceRows).toEqual([4, 5]);
    expect(result.totalRows).toEqual([7]);
    expect(result.emptyRows).toBe(1);
  });

  it("names the row and the column of every value its column refuses: «2,5» is no count of teachers", () => {
    const result = plan(
      deficitsFile([
        ["химия", 16, 3, 4, 7, 2],
        ["физика", "2,5", 1, 1, 0, 0],
        ["биология", 2.5, "много", 1, 0, 0],
      ]),
    );
    expect(result.issues).toEqual([
      { row: 5, columnId: "teachers", column: title(deficits, "teachers"), text: "2,5", refusal: { kind: "integer" } },
      { row: 6, columnId: "teachers", column: title(deficits, "teachers"), text: "2,5", refusal: { kind: "integer" } },
      { row: 6, columnId: "a", column: title(deficits, "a"), text: "много", refusal: { kind: "number" } },
    ]);
  });

  it("skips a header's second line and the row of column numbers under it", () => {
    const rows: SheetValue[][] = [
      deficits.columns.map((c) => c.title),
      ["", "", deficits.columns[2]?.officialTitle ?? ""],
      deficits.columns.map((_, i) => i + 1),
      ["химия", 16, 3, 4, 7, 2],
    ];
    const result = plan(rows);
    expect(result.issues).toEqual([]);
    expect(result.sourceRows).toEqual([4]);
  });

  it("reads from the top with the person's mapping when the file has no header", () => {
    const rows: SheetValue[][] = [
      ["химия", 16],
      ["физика", 20],
    ];
    const result = planImport(deficits, rows, null, { subject: 0, teachers: 1 });
    expect(result.rows).toEqual([
      { subject: "химия", teachers: 16 },
      { subject: "физика", teachers: 20 },
    ]);
  });

  it("reads a roadmap's texts as typed and a date cell of «Сроки» as ДД.ММ.ГГГГ", () => {
    const header = roadmap.columns.map((c) => c.title);
    const rows: SheetValue[][] = [
      header,
      [1, "Семинар для заместителей", "Приказ", new Date(Date.UTC(2022, 0, 26)), "О.В. Плесецкая"],
      ["Итого", null, null, null, null],
    ];
    const result = planImport(roadmap, rows, 0, suggestMapping(roadmap, header));
    expect(result.rows).toEqual([
      { measure: "Семинар для заместителей", document: "Приказ", period: "26.01.2022", responsible: "О.В. Плесецкая" },
    ]);
    expect(result.totalRows).toEqual([3]);
  });
});
