// biome-ignore lint/style/noRestrictedImports: the test runs in Node and reads the font from node_modules, as the server does.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { PDF_FONT_FILES, type PdfFonts, toPdf } from "./pdf.ts";
import { deficits, roadmap, roadmapTable } from "./testDocuments.ts";

const require = createRequire(import.meta.url);
const fonts = Object.fromEntries(
  Object.entries(PDF_FONT_FILES).map(([face, file]) => [face, new Uint8Array(readFileSync(require.resolve(file)))]),
) as unknown as PdfFonts;

const latin1 = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes);

describe("toPdf", () => {
  it("embeds PT Serif and lays the document on A4 pages", async () => {
    const bytes = await toPdf(roadmap, fonts);
    const text = latin1(bytes);
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+PTSerif-Regular/);
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+PTSerif-Bold/);
    expect(text).toContain("/FontFile2");
    expect(text).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it("turns landscape for a wide table and continues a long table on more pages", async () => {
    expect(latin1(await toPdf(deficits, fonts))).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const long = {
      ...roadmap,
      tables: [
        {
          ...roadmapTable,
          rows: Array.from({ length: 120 }, (_, i) => [i + 1, `Мероприятие ${i + 1}`, null, null, null]),
        },
      ],
    };
    const pages = latin1(await toPdf(long, fonts)).match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThan(3);
  });
});
