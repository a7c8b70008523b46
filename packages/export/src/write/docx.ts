import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  type ILevelsOptions,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { appendixLines } from "../appendix.ts";
import type { ExportColumn, ExportDocument, ExportTable, ExportValue, TextRun as Run, TextBlock } from "../model.ts";
import { columnAlignment, fittedWidths, isLandscape, printedValue } from "./layout.ts";

/**
 * DOCX laid out as the order's appendix (seed 002): the block «Приложение к
 * приказу … от … № …» top right, the bold centred title, the sections' rich
 * text (headings, lists, bold, italics, links, tables), then each table with
 * its header row repeated on every page, № and the total row; landscape when a
 * table is wide, page numbers centred in the footer. Times New Roman, as
 * orders are typed.
 */
export async function toDocx(document: ExportDocument): Promise<Uint8Array> {
  const landscape = isLandscape(document);
  const margin = landscape
    ? { top: 1134, right: 1134, bottom: 850, left: 1134 }
    : { top: 1134, right: 850, bottom: 1134, left: 1701 };
  const pageWidth = (landscape ? A4.height : A4.width) - margin.left - margin.right;
  const lists = new ListNumbering();
  const children: (Paragraph | Table)[] = [
    appendixBlock(document, pageWidth),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 240 },
      children: [new TextRun({ text: document.title, bold: true, size: 28 })],
    }),
  ];
  for (const section of document.sections) {
    if (section.titleInPrint)
      children.push(
        new Paragraph({
          keepNext: true,
          spacing: { before: 200 },
          children: [new TextRun({ text: section.title, bold: true })],
        }),
      );
    for (const block of section.blocks) children.push(...blockParts(block, 0, lists, pageWidth));
  }
  for (const table of document.tables) {
    children.push(
      new Paragraph({ keepNext: true, spacing: { before: 240, after: 120 }, children: textRuns(table.title) }),
    );
    children.push(dataTable(table, pageWidth));
  }

  const file = new Document({
    creator: "Карта",
    title: document.title,
    styles: {
      default: { document: { run: { font: FONT, size: 24 }, paragraph: { spacing: { after: 60 } } } },
      characterStyles: [
        { id: "Hyperlink", name: "Hyperlink", run: { color: "0563C1", underline: { type: "single" } } },
      ],
    },
    numbering: { config: lists.config() },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin,
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}

const FONT = "Times New Roman";
/** A4 in twips. */
const A4 = { width: 11906, height: 16838 } as const;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE } as const;
/** Table text a size smaller than the body: 11 pt (half-points). */
const TABLE_SIZE = 22;

/** The block top right: a paragraph indented to the last ~40 % of the line, its three lines left-aligned. */
function appendixBlock(document: ExportDocument, pageWidth: number): Paragraph {
  const [head, authority, order] = appendixLines(document);
  return new Paragraph({
    indent: { left: Math.round(pageWidth * 0.58) },
    children: [
      new TextRun({ text: head }),
      new TextRun({ text: authority, break: 1 }),
      new TextRun({ text: order, break: 1 }),
    ],
  });
}

/** Text with line breaks ("\n") as runs with breaks. */
function textRuns(
  text: string,
  options: { bold?: boolean; italics?: boolean; size?: number; style?: string } = {},
): TextRun[] {
  return text.split("\n").map((part, i) => new TextRun({ text: part, ...options, ...(i > 0 ? { break: 1 } : {}) }));
}

function inline(runs: readonly Run[], extra: { bold?: boolean; size?: number } = {}): ParagraphChild[] {
  return runs.flatMap((run): ParagraphChild[] => {
    const options = {
      ...(run.bold || extra.bold ? { bold: true } : {}),
      ...(run.italic ? { italics: true } : {}),
      ...(extra.size ? { size: extra.size } : {}),
    };
    if (run.href)
      return [
        new ExternalHyperlink({ link: run.href, children: textRuns(run.text, { ...options, style: "Hyperlink" }) }),
      ];
    return textRuns(run.text, options);
  });
}

function blockParts(
  block: TextBlock,
  level: number,
  lists: ListNumbering,
  width: number,
  size?: number,
): (Paragraph | Table)[] {
  switch (block.kind) {
    case "paragraph":
      return [
        new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: inline(block.runs, size ? { size } : {}) }),
      ];
    case "heading":
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: 200, after: 100 },
          children: inline(block.runs, { bold: true, size: block.level <= 1 ? 28 : block.level === 2 ? 26 : 24 }),
        }),
      ];
    case "list": {
      const numbering = lists.instance(block.ordered, block.start ?? 1);
      return block.items.flatMap((item) =>
        item.flatMap((inner, i) => {
          if (i === 0 && inner.kind === "paragraph")
            return [
              new Paragraph({
                alignment: AlignmentType.JUSTIFIED,
                numbering: { ...numbering, level: Math.min(level, 8) },
                children: inline(inner.runs, size ? { size } : {}),
              }),
            ];
          return blockParts(inner, level + 1, lists, width, size);
        }),
      );
    }
    case "table": {
      const columns = Math.max(1, ...block.rows.map((r) => r.length));
      return [
        new Table({
          width: { size: width, type: WidthType.DXA },
          columnWidths: Array<number>(columns).fill(Math.floor(width / columns)),
          rows: block.rows.map(
            (cells) =>
              new TableRow({
                children: cells.map(
                  (cell) =>
                    new TableCell({
                      borders: BORDERS,
                      children: cell.blocks.length
                        ? cell.blocks.flatMap((b) =>
                            blockParts(
                              cell.header && (b.kind === "paragraph" || b.kind === "heading")
                                ? { ...b, runs: b.runs.map((r) => ({ ...r, bold: true })) }
                                : b,
                              0,
                              lists,
                              Math.floor(width / columns),
                              TABLE_SIZE,
                            ),
                          )
                        : [new Paragraph({})],
                    }),
                ),
              }),
          ),
        }),
        new Paragraph({}),
      ];
    }
  }
}

/** A data table: widths in the template's proportions, the header row repeated on each page (a long row may split, as in the seed). */
function dataTable(table: ExportTable, pageWidth: number): Table {
  const size = table.columns.length > 8 ? 18 : table.columns.length > 5 ? 20 : TABLE_SIZE;
  // Half-points to twips (×10), an average letter 0.56 of the size; cell margins 60 + 60.
  const widths = fittedWidths(table, pageWidth, size * 10 * 0.56, 120).map(Math.floor);
  const cell = (text: string, column: ExportColumn | undefined, bold: boolean, index: number) =>
    new TableCell({
      borders: BORDERS,
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      verticalAlign: bold && !column ? VerticalAlign.CENTER : VerticalAlign.TOP,
      children: [
        new Paragraph({
          alignment: column ? ALIGN[columnAlignment(column)] : AlignmentType.CENTER,
          spacing: { after: 0 },
          children: textRuns(text, { bold, size }),
        }),
      ],
    });
  const valuesRow = (values: readonly ExportValue[], bold: boolean) =>
    new TableRow({
      children: values.map((value, i) =>
        cell(printedValue(value, table.columns[i]?.kind ?? "text"), table.columns[i], bold, i),
      ),
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: pageWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: table.columns.map((c, i) => cell(c.title, undefined, true, i)),
      }),
      ...table.rows.map((values) => valuesRow(values, false)),
      ...(table.total ? [valuesRow(table.total, true)] : []),
    ],
  });
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

/**
 * The numbering definitions lists use: one for bullets («–»), one per start
 * of ordered lists; each ordered list gets an instance of its own, so that it
 * counts from its own start.
 */
class ListNumbering {
  private readonly starts = new Set<number>();
  private instances = 0;

  instance(ordered: boolean, start: number): { reference: string; instance?: number } {
    if (!ordered) return { reference: "bullets" };
    this.starts.add(start);
    return { reference: `ordered-${start}`, instance: ++this.instances };
  }

  config(): { reference: string; levels: ILevelsOptions[] }[] {
    const levels = (ordered: boolean, start: number): ILevelsOptions[] =>
      Array.from({ length: 9 }, (_, level) => ({
        level,
        format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
        text: ordered ? `%${level + 1}.` : "–",
        ...(ordered ? { start: level === 0 ? start : 1 } : {}),
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: 567 * (level + 1), hanging: 283 } } },
      }));
    return [
      { reference: "bullets", levels: levels(false, 1) },
      ...[...this.starts].map((start) => ({ reference: `ordered-${start}`, levels: levels(true, start) })),
    ];
  }
}
