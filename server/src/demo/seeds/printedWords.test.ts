import {
  municipalRoadmap,
  printedColumns,
  printedColumnTitle,
  printedDocumentTitle,
  teacherDeficits,
} from "@karta/schema";
import { describe, expect, it } from "vitest";
import { readSeed } from "./seedFiles.ts";
import { slavyanskRoadmapPreamble } from "./slavyanskPreamble.ts";

function seedText(file: string): string {
  return readSeed(file).replace(/\*\*/g, "");
}

/** The seed's lines, each cell of a tab-separated line on its own, trimmed. */
function seedPhrases(file: string): Set<string> {
  return new Set(
    seedText(file)
      .split(/\r?\n/)
      .flatMap((line) => line.split("\t"))
      .map((cell) => cell.trim())
      .filter((cell) => cell !== ""),
  );
}

describe("the words exports print are the seeds' own", () => {
  it("roadmap (seed 002): the five column titles, verbatim", () => {
    const phrases = seedPhrases("002_3dbca581be924592.txt");
    const table = municipalRoadmap.tables[0];
    const titles = table ? printedColumns(table).map(printedColumnTitle) : [];
    expect(titles).toEqual([
      "№",
      "Показатели",
      "Документ",
      "Сроки и периодичность проведения мероприятий",
      "Ответственные за сбор и обработку информации",
    ]);
    for (const title of titles) expect(phrases.has(title), title).toBe(true);
  });

  it("roadmap (seed 002): the printed title, its lines joined", () => {
    const text = seedText("002_3dbca581be924592.txt").replace(/\s*\n\s*/g, " ");
    expect(text).toContain(printedDocumentTitle(municipalRoadmap, "Дорожная карта", 2022));
  });

  it("roadmap (seed 002): every paragraph and list item of the preamble", () => {
    const phrases = seedPhrases("002_3dbca581be924592.txt");
    const lines = slavyanskRoadmapPreamble.flatMap((block) =>
      block.type === "paragraph" ? [block.text] : block.type === "bulletList" ? block.items.map((i) => `- ${i}`) : [],
    );
    // Four numbered points: 2 goals, 5 tasks, 8 basis documents, 3 reasons.
    expect(lines).toHaveLength(4 + 2 + 5 + 8 + 3);
    for (const line of lines) expect(phrases.has(line), line).toBe(true);
  });

  it("teacher deficits (seed 004): counts, shares and «Всего:», with the Cyrillic А, В, С", () => {
    const phrases = seedPhrases("004_ef62c82c08454a96.txt");
    const table = teacherDeficits.tables[0];
    const printed = table?.columns.slice(1).map(printedColumnTitle) ?? [];
    expect(printed).toHaveLength(9);
    for (const title of printed) expect(phrases.has(title), title).toBe(true);
    expect(printed[1]).toBe("наличие системных дефицитов, требующих устранения (уровень \u0410)");
    expect(printed[4]).toBe("отсутствие дефицитов (уровень D)");
    expect(table?.totals?.label).toBe("Всего:");
    expect(phrases.has("Всего:")).toBe(true);
  });
});
