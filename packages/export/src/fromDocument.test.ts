import { KartaDocument } from "@karta/doc";
import {
  analyticReport,
  defineTemplate,
  municipalRoadmap,
  printedColumnTitle,
  riskProfile,
  type TableTemplate,
  teacherDeficits,
} from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { exportModelOf, exportTableOf, liveFiguresOf } from "./fromDocument.ts";
import type { TextBlock } from "./model.ts";

const info = {
  title: "Дорожная карта на 2022 год",
  authority: "начальника управления образования администрации муниципального образования Славянский район",
  order: { number: "156", date: "2022-01-21" },
};

function element(name: string, children: (Y.XmlElement | Y.XmlText)[] = [], attrs: Record<string, unknown> = {}) {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

const text = (value: string) => new Y.XmlText(value);

describe("exportModelOf", () => {
  it("numbers the rows in their order, keeps text as typed and prints the template's printed columns' titles", () => {
    const doc = KartaDocument.create(new Y.Doc(), municipalRoadmap);
    const table = doc.table("measures");
    table.insertRows(0, [
      { measure: "Первое", period: "Январь 2022 г.", status: "выполнено" },
      { measure: "Третье", responsible: "О.В. Плесецкая - директор МКУО КМЦ" },
    ]);
    table.insertRow(1, { measure: "Второе", document: "Приказ УО\nПлан работы МНЦ", period: "26.01.2022" });

    const model = exportModelOf(doc, info);

    expect(model.title).toBe(info.title);
    expect(model.authority).toBe(info.authority);
    expect(model.order).toEqual(info.order);
    const [measures] = model.tables;
    const template = municipalRoadmap.tables[0] as TableTemplate;
    // The roadmap's «Статус» is the municipality's own tracking: the order's form has no such column.
    const printed = template.columns.filter((c) => c.id !== "status");
    expect(measures?.columns.map((c) => c.title)).toEqual(printed.map(printedColumnTitle));
    expect(measures?.columns.map((c) => c.kind)).toEqual(["rowNumber", "text", "text", "text", "text"]);
    expect(measures?.columns.map((c) => c.width)).toEqual(printed.map((c) => c.width));
    expect(measures?.rows).toEqual([
      [1, "Первое", null, "Январь 2022 г.", null],
      [2, "Второе", "Приказ УО\nПлан работы МНЦ", "26.01.2022", null],
      [3, "Третье", null, null, "О.В. Плесецкая - директор МКУО КМЦ"],
    ]);
    expect(measures?.total).toBeNull();
  });

  it("computes shares as fractions and the total row from the counts (seed 004, химия: 3 of 16 is 18,8 %)", () => {
    const doc = KartaDocument.create(new Y.Doc(), teacherDeficits);
    doc
      .table("subjects")
      .insertRows(0, [
        { subject: "химия", teachers: 16, a: 3, b: 4, c: 7, d: 2 },
        { subject: "математика", teachers: 32, a: 6, b: 14, c: 11, d: 1 },
        { subject: "без педагогов" },
      ]);
    const [subjects] = exportModelOf(doc, info).tables;
    const ids = subjects?.columns.map((c) => c.id) ?? [];
    const row = (values: readonly unknown[] | null | undefined) =>
      Object.fromEntries(ids.map((id, i) => [id, values?.[i]]));

    expect(row(subjects?.rows[0])).toMatchObject({
      subject: "химия",
      teachers: 16,
      a: 3,
      shareA: 0.188,
      shareB: 0.25,
      shareC: 0.438,
      shareD: 0.125,
    });
    expect(row(subjects?.rows[2])).toMatchObject({ teachers: null, shareA: null });
    const total = row(subjects?.total);
    expect(total).toMatchObject({ subject: teacherDeficits.tables[0]?.totals?.label, teachers: 48, a: 9, b: 18 });
    // 9 of 48 = 18,75 % → 18,8 %: computed from the sums, never averaged from the rows' shares.
    expect(total.shareA).toBe(0.188);
    expect(subjects?.columns.find((c) => c.id === "shareA")?.kind).toBe("share");
    expect(subjects?.columns.find((c) => c.id === "teachers")?.kind).toBe("integer");
  });

  it("keeps yes/no as booleans and reads the risk profile's ten factors", () => {
    const doc = KartaDocument.create(new Y.Doc(), riskProfile);
    const first = doc.table("factors").rows()[0]?.id ?? "";
    doc.table("factors").setCell(first, "relevant", true);
    const [factors] = exportModelOf(doc, info).tables;
    expect(factors?.rows).toHaveLength(10);
    const relevant = factors?.columns.findIndex((c) => c.id === "relevant") ?? -1;
    expect(factors?.columns[relevant]?.kind).toBe("boolean");
    expect(factors?.rows[0]?.[relevant]).toBe(true);
    expect(factors?.rows[1]?.[relevant]).toBeNull();
  });

  it("writes dates as ISO text and non-integer numbers as numbers", () => {
    const table: TableTemplate = {
      id: "t",
      title: "Таблица",
      columns: [
        { id: "n", title: "№", type: { kind: "rowNumber" } },
        { id: "when", title: "Дата", type: { kind: "date" }, width: 90 },
        { id: "value", title: "Значение", type: { kind: "number" } },
      ],
    };
    const model = exportTableOf(table, [{ id: "r", number: 1, cells: { when: "2022-01-21", value: 2.5 } }]);
    expect(model.columns.map((c) => [c.kind, c.width])).toEqual([
      ["rowNumber", 150],
      ["date", 90],
      ["number", 150],
    ]);
    expect(model.rows).toEqual([[1, "2022-01-21", 2.5]]);
  });

  it("reads sections' rich text: headings, marks, links, lists, breaks and tables; leaves empty sections out", () => {
    const template = defineTemplate({
      ...municipalRoadmap,
      sections: [
        { id: "empty", title: "Пусто" },
        { id: "text", title: "Текст" },
      ],
    });
    const doc = KartaDocument.create(new Y.Doc(), template);
    doc.section("empty").insert(0, [element("paragraph")]);
    const marked = text("жирный курсив ссылка");
    marked.format(0, 6, { bold: {} });
    marked.format(7, 6, { italic: {} });
    marked.format(14, 6, { "link--AbCd1234": { href: "https://example.ru" } });
    doc
      .section("text")
      .insert(0, [
        element("heading", [text("Цели")], { level: 2 }),
        element("paragraph", [marked]),
        element("paragraph", [text("строка"), element("hardBreak"), text("вторая")]),
        element("orderedList", [element("listItem", [element("paragraph", [text("три")])])], { start: 3 }),
        element("bulletList", [
          element("listItem", [
            element("paragraph", [text("пункт")]),
            element("bulletList", [element("listItem", [element("paragraph", [text("вложенный")])])]),
          ]),
        ]),
        element("table", [
          element("tableRow", [element("tableHeader", [element("paragraph", [text("Год")])])]),
          element("tableRow", [element("tableCell", [element("paragraph", [text("2022")])])]),
        ]),
      ]);

    const model = exportModelOf(doc, info);

    expect(model.sections.map((s) => s.id)).toEqual(["text"]);
    expect(model.sections[0]?.titleInPrint).toBe(true);
    expect(model.sections[0]?.blocks).toEqual<TextBlock[]>([
      { kind: "heading", level: 2, runs: [{ text: "Цели" }] },
      {
        kind: "paragraph",
        runs: [
          { text: "жирный", bold: true },
          { text: " " },
          { text: "курсив", italic: true },
          { text: " " },
          { text: "ссылка", href: "https://example.ru" },
        ],
      },
      { kind: "paragraph", runs: [{ text: "строка\nвторая" }] },
      { kind: "list", ordered: true, start: 3, items: [[{ kind: "paragraph", runs: [{ text: "три" }] }]] },
      {
        kind: "list",
        ordered: false,
        items: [
          [
            { kind: "paragraph", runs: [{ text: "пункт" }] },
            { kind: "list", ordered: false, items: [[{ kind: "paragraph", runs: [{ text: "вложенный" }] }]] },
          ],
        ],
      },
      {
        kind: "table",
        rows: [
          [{ header: true, blocks: [{ kind: "paragraph", runs: [{ text: "Год" }] }] }],
          [{ header: false, blocks: [{ kind: "paragraph", runs: [{ text: "2022" }] }] }],
        ],
      },
    ]);
  });

  it("prints live figures as their current value, «—» without a resolver", () => {
    const doc = KartaDocument.create(new Y.Doc(), analyticReport);
    const figure = element("liveFigure", [], { figure: "shnorShare", organisationId: "labinsky", year: 2021 });
    doc.section("body").insert(0, [element("paragraph", [text("Доля ШНОР: "), figure, text(".")])]);

    expect(liveFiguresOf(doc)).toEqual([{ figure: "shnorShare", organisationId: "labinsky", year: 2021 }]);
    const resolved = exportModelOf(doc, {
      ...info,
      figure: (ref) => (ref.figure === "shnorShare" && ref.year === 2021 ? "55,2 %" : "?"),
    });
    expect(resolved.sections[0]?.blocks).toEqual([{ kind: "paragraph", runs: [{ text: "Доля ШНОР: 55,2 %." }] }]);
    expect(exportModelOf(doc, info).sections[0]?.blocks).toEqual([
      { kind: "paragraph", runs: [{ text: "Доля ШНОР: —." }] },
    ]);
    expect(resolved.tables).toEqual([]);
  });
});
