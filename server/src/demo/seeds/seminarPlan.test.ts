import { describe, expect, it } from "vitest";
import { slavyanskRoadmapRows } from "../slavyanskRoadmap.ts";
import { slavyanskSeminarPlanMeasure, slavyanskSeminarPlanRows } from "./seminarPlan.ts";

/** Row 9 of the seed 002 roadmap, as typed: one line per seminar, and the dates cell. */
const seedLines = [
  "СОШ № 19 - «Формирование функциональной грамотности младших школьников (языковой, читательской, математической и естественно-научной)»",
  "СОШ № 12 – «Наставничество как механизм обеспечения качества образования и повышения профессионального мастерства педагогов»",
  "СОШ № 5 – «Технология компетентностно-ориентированного обучения»",
  "ООШ № 7 – «Особенности работы с детьми, имеющими особые образовательные потребности, как фактор повышения качества образования»",
  "Лицей № 1 – «Неделя методического мастерства»",
  "СОШ № 20 – «Перевод школы с низкими образовательными результатами в режим эффективного функционирования и развития»",
];
const seedDates = ["26.01.2022", "февраль 2022 г.", "16.03.2022", "март 2022 года", "апрель 2022 г.", "13.04.2022"];

describe("План семинаров (seed 002, roadmap row 9)", () => {
  it("has the six seminars", () => {
    expect(slavyanskSeminarPlanRows).toHaveLength(6);
  });

  it("rebuilds every seminar line of the seed from base and topic", () => {
    slavyanskSeminarPlanRows.forEach((row, i) => {
      const dash = i === 0 ? "-" : "–";
      expect(`${row.base} ${dash} «${row.topic}»`).toBe(seedLines[i]);
    });
  });

  it("pairs the dates in the seed's order", () => {
    expect(slavyanskSeminarPlanRows.map((row) => row.date)).toEqual(seedDates);
  });

  it("keeps exact cells", () => {
    expect(slavyanskSeminarPlanRows[2]).toEqual({
      base: "СОШ № 5",
      topic: "Технология компетентностно-ориентированного обучения",
      date: "16.03.2022",
    });
    expect(slavyanskSeminarPlanRows[4]?.base).toBe("Лицей № 1");
  });

  it("agrees with row 9 of the roadmap demo data", () => {
    const row9 = slavyanskRoadmapRows[8];
    expect(row9?.measure.split("\n")).toEqual([slavyanskSeminarPlanMeasure, ...seedLines]);
    expect(row9?.period.split("\n")).toEqual(seedDates);
  });

  it("has no empty or padded cells", () => {
    for (const row of slavyanskSeminarPlanRows) {
      for (const cell of [row.base, row.topic, row.date]) {
        expect(cell).not.toBe("");
        expect(cell).toBe(cell.trim());
        expect(cell).not.toMatch(/[«»]/);
      }
    }
  });
});
