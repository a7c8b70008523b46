import pdfMake from "pdfmake";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { appendixLines } from "../appendix.ts";
import type { ExportDocument, ExportTable, ExportValue, TextBlock, TextRun } from "../model.ts";
import { columnAlignment, fittedWidths, isLandscape, listMarker, neededWidths, printedValue } from "./layout.ts";

/** The four faces of the font a PDF embeds, as the bytes of TrueType files. */
export interface PdfFonts {
  readonly normal: Uint8Array;
  readonly bold: Uint8Array;
  readonly italics: Uint8Array;
  readonly bolditalics: Uint8Array;
}

/**
 * Where the PDF's font comes from: PT Serif (ParaType, SIL Open Font License
 * 1.1), a serif with Cyrillic made for Russian official texts, as TrueType
 * files in the npm package @expo-google-fonts/pt-serif. The package never
 * reads files (it runs in the browser too): the server reads these and passes
 * the bytes; a browser would fetch them (Vite: `…ttf?url`).
 */
export const PDF_FONT_FILES = {
  normal: "@expo-google-fonts/pt-serif/400Regular/PTSerif_400Regular.ttf",
  bold: "@expo-google-fonts/pt-serif/700Bold/PTSerif_700Bold.ttf",
  italics: "@expo-google-fonts/pt-serif/400Regular_Italic/PTSerif_400Regular_Italic.ttf",
  bolditalics: "@expo-google-fonts/pt-serif/700Bold_Italic/PTSerif_700Bold_Italic.ttf",
} as const satisfies Record<keyof PdfFonts, string>;

const FAMILY = "PTSerif";
/** A4 in points. */
const A4 = { width: 595.28, height: 841.89 } as const;
const CM = 28.35;
/** pdfmake's default cell padding (left + right) and a rule's width. */
const CELL_PADDING = 8;
const RULE = 0.5;
const TABLE_TITLE = "table-title";
/**
 * PT Serif's letter in a long Cyrillic word, regular and bold, in ems (measured
 * with fontkit: «системными» 0.596 and 0.648, «периодичность» 0.553 and 0.597).
 */
const LETTER = 0.6;
const BOLD_LETTER = 0.66;
const MIN_HEADER_SIZE = 6.5;

/**
 * PDF laid out as the order's appendix (seed 002): the block «Приложение к
 * приказу … от … № …» top right, the bold centred title, the sections' rich
 * text, then each table with its header row repeated on every page, № and the
 * total row; landscape when a table is wide, the page number centred at the
 * foot of each page. The font is embedded (subset), so Cyrillic reads anywhere.
 */
export async function toPdf(document: ExportDocument, fonts: PdfFonts): Promise<Uint8Array> {
  useFonts(fonts);
  const landscape = isLandscape(document);
  const margins: [number, number, number, number] = landscape
    ? [2 * CM, 2 * CM, 2 * CM, 1.8 * CM]
    : [3 * CM, 2 * CM, 1.5 * CM, 2 * CM];
  const contentWidth = (landscape ? A4.height : A4.width) - margins[0] - margins[2];
  const content: Content[] = [
    {
      columns: [
        { width: "58%", text: "" },
        { width: "*", stack: appendixLines(document).map((line) => ({ text: line })) },
      ],
    },
    { text: document.title, bold: true, fontSize: 13, alignment: "center", margin: [0, 18, 0, 12] },
  ];
  for (const section of document.sections) {
    if (section.titleInPrint) content.push({ text: section.title, bold: true, margin: [0, 8, 0, 4] });
    content.push(...section.blocks.map((block) => blockContent(block, contentWidth)));
  }
  for (const [index, table] of document.tables.entries()) {
    content.push({ text: table.title, margin: [0, 10, 0, 6], id: `${TABLE_TITLE}${index}` });
    content.push(dataTable(table, contentWidth));
  }
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    pageOrientation: landscape ? "landscape" : "portrait",
    pageMargins: margins,
    info: { title: document.title, creator: "Карта", producer: "Карта" },
    defaultStyle: { font: FAMILY, fontSize: 11, lineHeight: 1.1 },
    // A table's title low on a page goes to the next one with its table, never alone at the foot.
    pageBreakBefore: (node) =>
      node.id?.startsWith(TABLE_TITLE) === true && (node.startPosition.verticalRatio ?? 0) > 0.8,
    footer: (currentPage: number) => ({
      text: String(currentPage),
      alignment: "center",
      fontSize: 9,
      margin: [0, 14, 0, 0],
    }),
    content,
  };
  const buffer = await pdfMake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** pdfmake keeps fonts in its own file system by name; the bytes are written there, never read from disk. */
function useFonts(fonts: PdfFonts): void {
  const maker = pdfMake as typeof pdfMake & {
    virtualfs: { writeFileSync(name: string, content: Uint8Array): void };
    setUrlAccessPolicy?: (callback: (url: string) => boolean) => void;
    setLocalAccessPolicy?: (callback: (path: string) => boolean) => void;
  };
  const names = {} as Record<keyof PdfFonts, string>;
  for (const face of ["normal", "bold", "italics", "bolditalics"] as const) {
    names[face] = `karta-${FAMILY}-${face}.ttf`;
    maker.virtualfs.writeFileSync(names[face], fonts[face]);
  }
  maker.setFonts({ [FAMILY]: names });
  // A document never refers to a URL or a local file: refuse both (and keep pdfmake from warning).
  maker.setUrlAccessPolicy?.(() => false);
  maker.setLocalAccessPolicy?.(() => false);
}

function runsContent(runs: readonly TextRun[], extra: { bold?: boolean } = {}): Content[] {
  return runs.map((run) => ({
    text: run.text,
    ...(run.bold || extra.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
    ...(run.href ? { link: run.href, color: "#0563C1", decoration: "underline" as const } : {}),
  }));
}

function blockContent(block: TextBlock, width: number): Content {
  switch (block.kind) {
    case "paragraph":
      return { text: runsContent(block.runs), alignment: "justify", margin: [0, 0, 0, 4] };
    case "heading":
      return {
        text: runsContent(block.runs, { bold: true }),
        fontSize: block.level <= 1 ? 13 : block.level === 2 ? 12 : 11,
        margin: [0, 8, 0, 4],
      };
    case "list":
      return {
        stack: block.items.map((item, index) => ({
          columns: [
            { width: block.ordered ? 20 : 12, text: listMarker(block.ordered, block.start, index) },
            { width: "*", stack: item.map((inner) => blockContent(inner, width - 20)) },
          ],
          columnGap: 2,
        })),
        margin: [14, 0, 0, 4],
      };
    case "table": {
      const columns = Math.max(1, ...block.rows.map((r) => r.length));
      return {
        table: {
          widths: Array<string>(columns).fill("*"),
          body: block.rows.map((cells) =>
            Array.from({ length: columns }, (_, i): TableCell => {
              const cell = cells[i];
              if (!cell) return "";
              const stack = cell.blocks.map((b) =>
                cell.header && (b.kind === "paragraph" || b.kind === "heading")
                  ? blockContent({ ...b, runs: b.runs.map((r) => ({ ...r, bold: true })) }, width / columns)
                  : blockContent(b, width / columns),
              );
              return { stack, fontSize: 10 };
            }),
          ),
        },
        layout: thinLines,
        margin: [0, 2, 0, 6],
      };
    }
  }
}

const thinLines = {
  hLineWidth: () => RULE,
  vLineWidth: () => RULE,
  hLineColor: () => "#000000",
  vLineColor: () => "#000000",
};

/** A data table: widths in the template's proportions, the header row repeated on each page. */
function dataTable(table: ExportTable, contentWidth: number): Content {
  const fontSize = table.columns.length > 8 ? 8.5 : table.columns.length > 5 ? 9.5 : 10.5;
  const usable = contentWidth - table.columns.length * (CELL_PADDING + RULE) - RULE;
  // Long official titles (seed 004's) in narrow columns: a smaller title rather than words broken mid-word.
  let headerSize = fontSize;
  const fits = (size: number) =>
    neededWidths(table, fontSize * LETTER, size * BOLD_LETTER, 0).reduce((a, b) => a + b, 0) <= usable;
  while (headerSize > MIN_HEADER_SIZE && !fits(headerSize)) headerSize -= 0.5;
  const widths = fittedWidths(table, usable, fontSize * LETTER, 0, headerSize * BOLD_LETTER).map(
    (w) => Math.floor(w * 100) / 100,
  );
  const row = (values: readonly ExportValue[], bold: boolean): TableCell[] =>
    values.map((value, i) => {
      const column = table.columns[i];
      return {
        text: printedValue(value, column?.kind ?? "text"),
        alignment: column ? columnAlignment(column) : "left",
        ...(bold ? { bold: true } : {}),
      };
    });
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      widths,
      body: [
        table.columns.map((c): TableCell => ({ text: c.title, bold: true, alignment: "center", fontSize: headerSize })),
        ...table.rows.map((values) => row(values, false)),
        ...(table.total ? [row(table.total, true)] : []),
      ],
    },
    layout: thinLines,
    fontSize,
  };
}
