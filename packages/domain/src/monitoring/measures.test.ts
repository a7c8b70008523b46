import { antiRiskProgramme, municipalRoadmap, riskProfile, type TableTemplate } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { parsePeriod } from "../period/parsePeriod.ts";
import { isOverdue } from "../period/schedule.ts";
import { type MeasureFact, measureFacts, measureProgress, progressOf } from "./measures.ts";

const measures = antiRiskProgramme.tables[0] as TableTemplate;
const context = { year: 2022 };
const row = (id: string, cells: Record<string, string>) => ({ id, cells });

describe("measureFacts", () => {
  it("keeps each measure's place, words, status and last deadline, in the rows' order", () => {
    const facts = measureFacts(
      measures,
      [
        row("r1", { measure: "Анкетирование", period: "Январь 2022 г.", status: "выполнено" }),
        row("r2", { measure: "Маршруты", period: "В течение учебного года", status: "в работе" }),
        row("r3", { measure: "Анализ", period: "По итогам каждой учебной четверти" }),
      ],
      context,
    );
    expect(facts).toEqual([
      {
        table: "measures",
        rowId: "r1",
        number: 1,
        measure: "Анкетирование",
        period: "Январь 2022 г.",
        status: "выполнено",
        deadline: "2022-01-31",
      },
      {
        table: "measures",
        rowId: "r2",
        number: 2,
        measure: "Маршруты",
        period: "В течение учебного года",
        status: "в работе",
        deadline: "2022-12-31",
      },
      {
        table: "measures",
        rowId: "r3",
        number: 3,
        measure: "Анализ",
        period: "По итогам каждой учебной четверти",
        status: null,
        deadline: null,
      },
    ]);
  });

  it("follows the roadmap's measures too, and no table without a status", () => {
    const roadmap = municipalRoadmap.tables[0] as TableTemplate;
    expect(measureFacts(roadmap, [row("r", { measure: "Мониторинг", period: "Декабрь 2022" })], context)).toHaveLength(
      1,
    );
    expect(measureFacts(riskProfile.tables[0] as TableTemplate, [row("r", { factor: "x" })], context)).toBeNull();
  });
});

describe("measureProgress", () => {
  const fact = (status: string | null, deadline: string | null): MeasureFact => ({
    table: "measures",
    rowId: "r",
    number: 1,
    measure: "",
    period: "",
    status,
    deadline,
  });

  it("counts done first, then overdue after the deadline, then in progress, else planned", () => {
    expect(measureProgress(fact("выполнено", "2022-01-31"), "2022-06-01")).toBe("done");
    expect(measureProgress(fact("в работе", "2022-01-31"), "2022-06-01")).toBe("overdue");
    expect(measureProgress(fact("в работе", "2022-01-31"), "2022-01-31")).toBe("inProgress");
    expect(measureProgress(fact("не выполнено", "2022-12-31"), "2022-06-01")).toBe("planned");
    expect(measureProgress(fact(null, null), "2030-01-01")).toBe("planned");
    expect(progressOf([fact("выполнено", null), fact(null, "2022-01-01"), fact(null, null)], "2022-02-01")).toEqual({
      done: 1,
      inProgress: 0,
      overdue: 1,
      planned: 1,
      total: 3,
    });
  });

  it("agrees with the grid's overdue marks (isOverdue) for the seeds' kinds of «Сроки»", () => {
    const texts = [
      "Январь 2022 г.",
      "до 01.03.2022",
      "март-апрель 2022 года, в течение учебного года",
      "В течение учебного года",
      "Декабрь 2023г. Ноябрь 2024г.",
      "ежемесячно",
      "по мере необходимости",
      "по итогам ВПР",
    ];
    for (const text of texts) {
      const [fact] = measureFacts(measures, [row("r", { measure: "м", period: text })], context) ?? [];
      for (const today of ["2022-01-15", "2022-06-15", "2023-01-15", "2025-01-15"]) {
        const overdue = fact !== undefined && measureProgress(fact, today) === "overdue";
        expect(overdue, `${text} on ${today}`).toBe(isOverdue(parsePeriod(text, context), false, today));
      }
    }
  });
});
