import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { toDocx } from "./docx.ts";
import { deficits, roadmap } from "./testDocuments.ts";

async function documentXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file("word/document.xml")?.async("string")) ?? "";
}

/** The text of each paragraph, runs joined, breaks as "\n". */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map(([p]) =>
    [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[1] === undefined ? "\n" : m[1])).join(""),
  );
}

describe("toDocx", () => {
  it("puts the appendix block first, then the bold centred title, the text and the table", async () => {
    const xml = await documentXml(await toDocx(roadmap));
    const texts = paragraphs(xml);
    expect(texts[0]).toBe(
      "Приложение\nк приказу начальника управления образования администрации муниципального образования Славянский район\nот 21.01.2022 № 156",
    );
    expect(texts[1]).toBe(roadmap.title);
    const title = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)][1]?.[0] ?? "";
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain("<w:b/>");
    expect(texts).toContain("1. Цели работы со ШНОР:");
    expect(texts).toContain("повышение качества образования;");
    expect(texts).not.toContain("Преамбула приказа");
    expect(texts).toContain("Сроки и периодичность проведения мероприятий");
    expect(texts).toContain("Приказ УО\nПлан работы МНЦ");
    // The header row repeats on every page; a link is a hyperlink; lists are numbered paragraphs.
    expect(xml).toContain("<w:tblHeader/>");
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id=/);
    expect(xml).toContain("<w:numPr>");
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"[^>]*w:orient="portrait"/);
  });

  it("prints the total row, shares with a decimal comma, and turns landscape for a wide table", async () => {
    const bytes = await toDocx(deficits);
    const xml = await documentXml(bytes);
    const texts = paragraphs(xml);
    expect(texts[0]).toBe(
      "Приложение\nк приказу начальника управления образования администрации муниципального образования Лабинский район\nот ______ № ____",
    );
    expect(texts).toContain("18,8\u00a0%");
    expect(texts).toContain("15.10.2021");
    expect(texts).toContain("12,5");
    expect(texts).toContain("да");
    expect(texts).toContain("Всего:");
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906"[^>]*w:orient="landscape"/);
    const zip = await JSZip.loadAsync(bytes);
    const footers = Object.keys(zip.files).filter((name) => /^word\/footer\d*\.xml$/.test(name));
    const footer = await zip.file(footers[0] ?? "")?.async("string");
    expect(footer).toContain("PAGE");
  });
});
