import { describe, expect, it } from "vitest";
import { readSeed } from "./seeds/seedFiles.ts";
import { slavyanskRoadmapRows, slavyanskShnor2022 } from "./slavyanskRoadmap.ts";

const fields = ["measure", "document", "period", "responsible"] as const;

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

describe("Славянский район roadmap demo data", () => {
  it("has the 25 rows of the seed table", () => {
    expect(slavyanskRoadmapRows).toHaveLength(25);
  });

  it("has no empty cells once page fragments are joined", () => {
    for (const row of slavyanskRoadmapRows) {
      for (const field of fields) {
        expect(row[field].trim()).not.toBe("");
        expect(row[field]).toBe(row[field].trim());
      }
    }
  });

  it("keeps row 1 exactly as in the seed", () => {
    expect(slavyanskRoadmapRows[0]).toEqual({
      measure:
        "Разработка и утверждение муниципальной Дорожной карты по методическому сопровождению ШНОР для повышения качества образования",
      document: "Дорожная карта",
      period: "Январь 2022 г.",
      responsible: "О.В. Плесецкая - директор МКУО КМЦ. И.Н. Хняч - директор МКУО ЦОКО",
    });
  });

  it("joins a hyphenated word split by a page break (row 12)", () => {
    expect(slavyanskRoadmapRows[11]?.period).toBe("март-апрель 2022 года, в течение учебного года");
    expect(slavyanskRoadmapRows[11]?.measure).toBe(
      "Оценка предметных компетенций педагогических работников в ШНОР (участие учителей в пробных ЕГЭ, ОГЭ)",
    );
  });

  it("keeps the page-layout fragment «года» out of row 24", () => {
    expect(slavyanskRoadmapRows[23]?.period).toBe("После каждой учебной четверти и учебного года");
  });

  it("keeps the six seminars of row 9 as lines of the measure, with six dates", () => {
    const row9 = slavyanskRoadmapRows[8];
    const lines = row9?.measure.split("\n") ?? [];
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe(
      "Проведение семинаров для директоров и заместителей директоров по повышению качества образования на базе ШНОР и школ-наставников",
    );
    expect(lines[1]?.startsWith("СОШ № 19 - «")).toBe(true);
    expect(row9?.period.split("\n")).toEqual([
      "26.01.2022",
      "февраль 2022 г.",
      "16.03.2022",
      "март 2022 года",
      "апрель 2022 г.",
      "13.04.2022",
    ]);
  });

  it("has no HTML tags or tabs in any cell", () => {
    for (const row of slavyanskRoadmapRows) {
      for (const field of fields) {
        expect(row[field]).not.toContain("<p>");
        expect(row[field]).not.toContain("</p>");
        expect(row[field]).not.toContain("\t");
      }
    }
  });

  it("lists the 10 ШНОР schools of 2022", () => {
    expect(slavyanskShnor2022).toHaveLength(10);
    expect(new Set(slavyanskShnor2022).size).toBe(10);
    expect(slavyanskShnor2022[0]).toBe("МБОУ СОШ № 5");
  });
});

describe("Славянский район roadmap demo data against the seed file", () => {
  it("has every measure's first line verbatim in the seed", () => {
    const seed = readSeed("002_3dbca581be924592.txt");
    // The seed's cells: tab-separated, one paragraph per <p>…</p>, whitespace normalised.
    const cells = seed
      .split(/[\t\n]|<\/?p>/)
      .map(normalise)
      .filter((cell) => cell !== "");
    const text = normalise(seed);

    // A line occurs in the seed either as is, or split by a page break into the end of
    // one cell and the start of a later cell (joined with a space).
    const occursInSeed = (line: string): boolean => {
      if (text.includes(line)) return true;
      const words = line.split(" ");
      for (let k = 1; k < words.length; k++) {
        const head = words.slice(0, k).join(" ");
        const tail = words.slice(k).join(" ");
        for (const [i, cell] of cells.entries()) {
          if (!cell.endsWith(head)) continue;
          if (cells.slice(i + 1).some((later) => later.startsWith(tail))) return true;
        }
      }
      return false;
    };

    for (const [index, row] of slavyanskRoadmapRows.entries()) {
      const firstLine = normalise(row.measure.split("\n")[0] ?? "");
      expect(occursInSeed(firstLine), `row ${index + 1}: ${firstLine}`).toBe(true);
    }
  });
});
