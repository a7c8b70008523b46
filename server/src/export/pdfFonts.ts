import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PDF_FONT_FILES, type PdfFonts } from "@karta/export";

const require = createRequire(import.meta.url);
let loading: Promise<PdfFonts> | null = null;

/**
 * The PDF font's four faces (PT Serif, from its npm package; see
 * PDF_FONT_FILES), read from node_modules once and kept: 1.3 MB in all.
 */
export function pdfFonts(): Promise<PdfFonts> {
  loading ??= (async () => {
    const [normal, bold, italics, bolditalics] = await Promise.all(
      [PDF_FONT_FILES.normal, PDF_FONT_FILES.bold, PDF_FONT_FILES.italics, PDF_FONT_FILES.bolditalics].map(
        async (file) => new Uint8Array(await readFile(require.resolve(file))),
      ),
    );
    if (!normal || !bold || !italics || !bolditalics) throw new Error("the PDF font is incomplete");
    return { normal, bold, italics, bolditalics };
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
