import { describe, expect, it } from "vitest";
import { type SeedBlock, seedBlockText } from "./richText.ts";
import { terskRoadmapAnalysis, terskRoadmapAnalysisLiveFigures, terskRoadmapAnalysisTitle } from "./roadmapAnalysis.ts";

const kinds = (blocks: readonly SeedBlock[]) => blocks.map((block) => block.type);

describe("Анализ реализации Дорожной карты, Терский район (seed 000)", () => {
  it("has the seed's structure: title, 13 paragraphs, two lists, one subheading", () => {
    expect(terskRoadmapAnalysis).toHaveLength(17);
    expect(kinds(terskRoadmapAnalysis)).toEqual([
      "heading",
      ...Array(4).fill("paragraph"),
      "bulletList",
      ...Array(8).fill("paragraph"),
      "heading",
      "bulletList",
      "paragraph",
    ]);
    expect(terskRoadmapAnalysis[0]).toEqual({ type: "heading", level: 1, text: terskRoadmapAnalysisTitle });
    expect(terskRoadmapAnalysis[14]).toEqual({ type: "heading", level: 2, text: "Задачи и рекомендации на 2022 год" });
  });

  it("keeps the paragraph on the schools verbatim, «7» and six names", () => {
    expect(terskRoadmapAnalysis[2]).toEqual({
      type: "paragraph",
      text: "В программу поддержки ШНОР в 2021-2022 учебном году вошли 7 общеобразовательных организаций - МКОУ СОШ с.п. Урожайное, МКОУ СОШ с.п. Ково-Хамидие, МКОУ СОШ с.п. Новая Балкария, МКОУ СОШ с.п.Красноармейское, МКОУ СОШ с.п.Верхний Курп, МКОУ СОШ с.п. Нижний Курп.",
    });
  });

  it("keeps the six municipal documents as a list", () => {
    const list = terskRoadmapAnalysis[5];
    expect(list?.type === "bulletList" && list.items).toHaveLength(6);
    expect(list?.type === "bulletList" && list.items[1]).toBe(
      "Концепция сопровождения школ с низкими образовательными результатами;",
    );
    expect(list?.type === "bulletList" && list.items[5]).toBe("План проведения семинаров для ШНОР в 2022 году");
  });

  it("keeps the five recommendations with their typed numbers and punctuation", () => {
    const list = terskRoadmapAnalysis[15];
    const items = list?.type === "bulletList" ? list.items : [];
    expect(items).toHaveLength(5);
    expect(items[0]).toBe(
      "1.Информационно-методическому центру Управления образования продолжить адресную работу школам с низкими образовательными результатами обучения и школ ,функционирующих в неблагоприятных социальных условиях..",
    );
    expect(items[4]).toBe("5. ИМЦ УО продолжить работу по сопровождению школ-участников проекта «500+» и кураторов.");
  });

  it("keeps typed numbers and stray spaces", () => {
    const text = terskRoadmapAnalysis.map(seedBlockText).join("\n");
    expect(text).toContain("прошли курсы повышения квалификации 5 руководителей ШНОР и «500+»:");
    expect(text).toContain("прошли обучение 28 человек");
    expect(text).toContain("путём создания Центры «Точки роста» .");
    expect(text).toContain("материально- технических условий , способствующих");
    expect(terskRoadmapAnalysis[16]).toEqual({ type: "paragraph", text: "Директор ИМЦ Л. Т. П. Шидукова" });
  });

  it("has no list markers, markdown or padding left in the text", () => {
    for (const block of terskRoadmapAnalysis) {
      for (const line of seedBlockText(block).split("\n")) {
        expect(line).toBe(line.trim());
        expect(line).not.toMatch(/^(- |#)/);
      }
    }
  });

  it("points its live figures at phrases that occur once", () => {
    for (const figure of terskRoadmapAnalysisLiveFigures) {
      const block = terskRoadmapAnalysis[figure.block];
      const text = block ? seedBlockText(block) : "";
      expect(text.split(figure.phrase)).toHaveLength(2);
      expect(figure.phrase).toContain(figure.typed);
    }
  });
});
