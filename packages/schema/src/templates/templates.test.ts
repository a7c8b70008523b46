import { describe, expect, it } from "vitest";
import { cellValueSchema } from "../columnTypes.ts";
import { defineTemplate } from "../template.ts";
import {
  antiRiskProgramme,
  getTemplate,
  municipalRoadmap,
  RISK_FACTORS,
  riskProfile,
  teacherDeficits,
  templates,
} from "./index.ts";

describe("templates", () => {
  it("give the municipal roadmap the columns of the official form, verbatim, and a status it does not print", () => {
    const table = municipalRoadmap.tables[0];
    expect(table?.columns.filter((c) => c.inPrint !== false).map((c) => c.title)).toEqual([
      "№",
      "Показатели",
      "Документ",
      "Сроки и периодичность проведения мероприятий",
      "Ответственные за сбор и обработку информации",
    ]);
    const status = table?.columns.find((c) => c.id === "status");
    expect(status?.inPrint).toBe(false);
    expect(status && cellValueSchema(status.type).safeParse("выполнено").success).toBe(true);
  });

  it("give the anti-risk programme its measures table with a status list", () => {
    const table = antiRiskProgramme.tables[0];
    expect(table?.columns.map((c) => c.title)).toEqual([
      "№",
      "Задача",
      "Мероприятие",
      "Сроки",
      "Ответственные",
      "Участники",
      "Показатель / ожидаемый результат",
      "Подтверждающий документ",
      "Статус",
      "Отметка о выполнении",
    ]);
    const status = table?.columns.find((c) => c.id === "status");
    expect(status && cellValueSchema(status.type).safeParse("выполнено").success).toBe(true);
    expect(status && cellValueSchema(status.type).safeParse("сделано").success).toBe(false);
  });

  it("are found by id and carry a version", () => {
    for (const t of templates) {
      expect(getTemplate(t.id)).toBe(t);
      expect(t.version).toBeGreaterThanOrEqual(1);
    }
    expect(getTemplate("nope")).toBeUndefined();
  });

  it("refuse a column that takes the row's reserved order key", () => {
    expect(() =>
      defineTemplate({
        id: "bad",
        version: 1,
        domainNumber: 0,
        title: "bad",
        scope: "school",
        sections: [],
        tables: [{ id: "t", title: "t", columns: [{ id: "order", title: "x", type: { kind: "text" } }] }],
      }),
    ).toThrow(/bad column id order/);
  });

  it("refuse a share of a column that is not a number", () => {
    expect(() =>
      defineTemplate({
        id: "bad",
        version: 1,
        domainNumber: 0,
        title: "bad",
        scope: "school",
        sections: [],
        tables: [
          {
            id: "t",
            title: "t",
            columns: [
              { id: "name", title: "x", type: { kind: "text" } },
              { id: "share", title: "%", type: { kind: "share", part: "name", whole: "name" } },
            ],
          },
        ],
      }),
    ).toThrow(/not a number column/);
  });

  it("cover DOMAIN §1–10 in order, each with its scope", () => {
    expect(templates.map((t) => [t.domainNumber, t.title, t.scope])).toEqual([
      [1, "Рисковый профиль и самодиагностика", "school"],
      [2, "Концепция программы развития", "school"],
      [3, "Среднесрочная программа развития", "school"],
      [4, "Антирисковая программа", "school"],
      [5, "Дорожная карта по методическому сопровождению ШНОР", "municipality"],
      [6, "План семинаров", "municipality"],
      [7, "Мониторинг предметных дефицитов педагогов", "municipality"],
      [8, "Список ШНОР по годам", "municipality"],
      [9, "План профилактических мероприятий", "municipality"],
      [10, "Аналитическая справка", "municipality"],
    ]);
  });

  it("start the risk profile with the 10 standard factors, which nobody edits", () => {
    const table = riskProfile.tables[0];
    expect(table?.initialRows?.map((r) => r.factor)).toEqual([...RISK_FACTORS]);
    expect(RISK_FACTORS).toHaveLength(10);
    expect(table?.columns.find((c) => c.id === "factor")?.locked).toBe(true);
  });

  it("compute the teacher-deficit shares and never store them", () => {
    const table = teacherDeficits.tables[0];
    expect(table?.columns.map((c) => c.title)).toEqual([
      "Предмет",
      "Численность педагогов",
      "Уровень A (системные)",
      "Уровень B (локальные)",
      "Уровень C (несущественные)",
      "Уровень D (нет дефицитов)",
      "Доля A, %",
      "Доля B, %",
      "Доля C, %",
      "Доля D, %",
    ]);
    const shareA = table?.columns.find((c) => c.id === "shareA");
    expect(shareA && cellValueSchema(shareA.type).safeParse(18.8).success).toBe(false);
  });
});
