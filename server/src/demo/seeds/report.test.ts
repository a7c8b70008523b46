import { describe, expect, it } from "vitest";
import { khasavyurtReport, khasavyurtReportLiveFigures, khasavyurtReportTitle } from "./report.ts";
import { seedBlockText } from "./richText.ts";

describe("Аналитическая справка, Хасавюртовский район (seed 001)", () => {
  it("has the seed's structure: title, five paragraphs, a list of seven, a closing paragraph", () => {
    expect(khasavyurtReport.map((block) => block.type)).toEqual([
      "heading",
      "paragraph",
      "paragraph",
      "paragraph",
      "paragraph",
      "paragraph",
      "bulletList",
      "paragraph",
    ]);
    expect(khasavyurtReport[0]).toEqual({ type: "heading", level: 1, text: khasavyurtReportTitle });
    const list = khasavyurtReport[6];
    expect(list?.type === "bulletList" ? list.items : []).toHaveLength(7);
  });

  it("keeps exact paragraphs", () => {
    expect(khasavyurtReport[1]).toEqual({
      type: "paragraph",
      text: "МО «Хасавюртовского района» определены 6 школ района с низкими образовательными результатами (ШНОР) из 54.",
    });
    expect(seedBlockText(khasavyurtReport[2] ?? { type: "paragraph", text: "" })).toBe(
      "Для этих школ были предложены в качестве кураторов директора, заместители; директоров из числа, действующих, имеющих; успешный опыт работы школ и прошедших анкетирование на предмет соответствия роли куратора школы с низкими результатами.",
    );
  });

  it("keeps the list items without their markers", () => {
    const list = khasavyurtReport[6];
    const items = list?.type === "bulletList" ? list.items : [];
    expect(items[1]).toBe("активизация внутришкольных систем профессионального развития педагогов;");
    expect(items[4]).toBe(
      "составление совместной «дорожной карты» по повышению качества образования в школе (школа - МУО - ДИРО);",
    );
    expect(items[6]).toBe(
      "создание в муниципалитете одной стажировочной площадки, которые обеспечат распространение лучшего опыта работы образовательной организации.",
    );
    for (const item of items) expect(item).toBe(item.trim());
  });

  it("points its live figures at phrases that occur once", () => {
    expect(khasavyurtReportLiveFigures.map((figure) => [figure.typed, figure.figure])).toEqual([
      ["6", "shnorCount"],
      ["54", "schoolCount"],
    ]);
    for (const figure of khasavyurtReportLiveFigures) {
      const block = khasavyurtReport[figure.block];
      const text = block ? seedBlockText(block) : "";
      expect(text.split(figure.phrase)).toHaveLength(2);
      expect(figure.phrase).toContain(figure.typed);
    }
  });
});
