import ExcelJS from "exceljs";
import { appendixLines } from "../appendix.ts";
import type { ExportColumn, ExportDocument, ExportTable, ExportValue, TextBlock, TextRun } from "../model.ts";
import { columnAlignment, isLandscape, isWide, listMarker, runText } from "./layout.ts";

/**
 * XLSX as a coordinator prints it or adds it up: the first sheet reads like
 * the order's appendix (seed 002): the block «Приложение к приказу … от … № …»
 * top right, the bold centred title, the sections' text, then the table with
 * its columns' titles repeated on every printed page, № and the total row.
 * Numbers are numbers (a SUM works), shares are fractions shown «18,8 %»,
 * dates are dates, text wraps; widths follow the template's. A second table
 * of a document, if a template ever has one, gets a sheet of its own.
 */
export async function toXlsx(document: ExportDocument): Promise<Uint8Array> {
  const workbook = newWorkbook();
  const [first, ...rest] = document.tables;
  const names = new SheetNames();
  writeDocumentSheet(workbook, names.take(document.title), document, first ? [first] : []);
  for (const table of rest) writeTableSheet(workbook, names.take(table.title), table);
  return bytesOf(await workbook.xlsx.writeBuffer());
}

/** One document of a coordinator's workbook, with the name its sheet is given. */
export interface WorkbookEntry {
  /** Short enough to read on a sheet's tab (cut to 31 characters): «СОШ № 5 Антирисковая». */
  readonly name: string;
  /** Whose document it is, for the contents sheet: «МБОУ СОШ № 5». */
  readonly organisation?: string;
  readonly document: ExportDocument;
}

/**
 * Several documents in one workbook, a sheet per document (each laid out as
 * `toXlsx`'s first sheet, its tables one under another), after a contents sheet
 * «Документы» that lists them with links to their sheets.
 */
export async function toXlsxWorkbook(entries: readonly WorkbookEntry[]): Promise<Uint8Array> {
  const workbook = newWorkbook();
  const names = new SheetNames();
  names.take(CONTENTS);
  const contents = workbook.addWorksheet(CONTENTS, {
    pageSetup: pageSetup(false),
    headerFooter: { oddFooter: FOOTER },
  });
  contents.columns = [{ width: 5 }, { width: 28 }, { width: 70 }, { width: 32 }];
  const header = contents.addRow(["№", "Организация", "Документ", "Лист"]);
  header.font = { ...FONT, bold: true };
  contents.pageSetup.printTitlesRow = "1:1";
  entries.forEach((entry, index) => {
    const sheet = names.take(entry.name);
    writeDocumentSheet(workbook, sheet, entry.document, entry.document.tables);
    const row = contents.addRow([index + 1, entry.organisation ?? "", entry.document.title, sheet]);
    row.font = FONT;
    row.alignment = { wrapText: true, vertical: "top" };
    row.getCell(4).value = { text: sheet, hyperlink: `#'${sheet.replaceAll("'", "''")}'!A1` };
    row.getCell(4).font = { ...FONT, color: { argb: "FF0563C1" }, underline: true };
  });
  return bytesOf(await workbook.xlsx.writeBuffer());
}

const CONTENTS = "Документы";
const FONT = { name: "Times New Roman", size: 11 } as const;
const TITLE_FONT = { name: "Times New Roman", size: 13, bold: true } as const;
const FOOTER = "&C&P";
const THIN = { style: "thin" } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;
/** Sheet width in Excel's character units that prints at 100 % on A4 (portrait, landscape) with 1.5 cm margins. */
const PAGE_CHARS = { portrait: 92, landscape: 138 } as const;
/** Pixels of the template's widths per character unit, for a table narrower than the page. */
const PX_PER_CHAR = 7;

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Карта";
  workbook.created = new Date(0);
  return workbook;
}

function pageSetup(landscape: boolean): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9, // A4
    orientation: landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.6, right: 0.6, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
}

/** The sheet's columns: the first table's, scaled to the page; three for a document without tables. */
function sheetColumns(tables: readonly ExportTable[], landscape: boolean): number[] {
  const widths = tables[0]?.columns.map((c) => c.width) ?? [300, 300, 400];
  const total = widths.reduce((a, b) => a + b, 0);
  const page = landscape ? PAGE_CHARS.landscape : PAGE_CHARS.portrait;
  const scale = Math.min(page / total, (1 / PX_PER_CHAR) * 1.25);
  return widths.map((w) => Math.max(4, Math.round(w * scale * 10) / 10));
}

/** The appendix block, title, sections and tables of one document on one sheet. */
function writeDocumentSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  document: ExportDocument,
  tables: readonly ExportTable[],
): void {
  const landscape = tables.length ? tables.some(isWide) : isLandscape(document);
  const sheet = workbook.addWorksheet(name, { pageSetup: pageSetup(landscape), headerFooter: { oddFooter: FOOTER } });
  const widths = sheetColumns(tables, landscape);
  sheet.columns = widths.map((width) => ({ width }));
  const writer = new SheetWriter(sheet, widths);
  writer.appendix(appendixLines(document));
  writer.blank();
  writer.merged([{ text: document.title }], { font: TITLE_FONT, horizontal: "center" });
  writer.blank();
  for (const section of document.sections) {
    if (section.titleInPrint) writer.merged([{ text: section.title, bold: true }]);
    for (const block of section.blocks) writer.block(block, 0);
  }
  tables.forEach((table, index) => {
    writer.blank();
    writer.table(table, index === 0);
  });
}

function writeTableSheet(workbook: ExcelJS.Workbook, name: string, table: ExportTable): void {
  const landscape = isWide(table);
  const sheet = workbook.addWorksheet(name, { pageSetup: pageSetup(landscape), headerFooter: { oddFooter: FOOTER } });
  const widths = sheetColumns([table], landscape);
  sheet.columns = widths.map((width) => ({ width }));
  new SheetWriter(sheet, widths).table(table, true);
}

interface MergedOptions {
  readonly font?: Partial<ExcelJS.Font>;
  readonly horizontal?: "left" | "center" | "right";
  /** Leading spaces' worth of indent (a list item's level). */
  readonly indent?: number;
  /** First column of the merge (0-based); the last is the sheet's last. */
  readonly from?: number;
}

/** Writes rows top to bottom, estimating the height of merged text rows (no spreadsheet fits those itself). */
class SheetWriter {
  private row = 1;

  constructor(
    private readonly sheet: ExcelJS.Worksheet,
    private readonly widths: readonly number[],
  ) {}

  blank(): void {
    this.row++;
  }

  /** The block top right: from the column where the last ~40 % of the width begins. */
  appendix(lines: readonly string[]): void {
    const total = this.widths.reduce((a, b) => a + b, 0);
    let from = this.widths.length - 1;
    let width = this.widths[from] ?? 0;
    while (from > 0 && width < total * 0.38) {
      from--;
      width += this.widths[from] ?? 0;
    }
    for (const line of lines) this.merged([{ text: line }], { from });
  }

  merged(runs: readonly TextRun[], options: MergedOptions = {}): void {
    const from = options.from ?? 0;
    const last = this.widths.length - 1;
    const font = { ...FONT, ...options.font };
    const row = this.sheet.getRow(this.row);
    const cell = row.getCell(from + 1);
    if (from < last) this.sheet.mergeCells(this.row, from + 1, this.row, last + 1);
    const text = runs.map(runText).join("");
    const link = runs.length === 1 ? runs[0]?.href : undefined;
    if (link) {
      cell.value = { text: runs[0]?.text ?? link, hyperlink: link };
      cell.font = { ...font, color: { argb: "FF0563C1" }, underline: true };
    } else if (runs.some((r) => r.bold || r.italic || r.href)) {
      cell.value = {
        richText: runs.map((r) => ({
          text: runText(r),
          font: { ...font, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italic: true } : {}) },
        })),
      };
    } else {
      cell.value = text;
      cell.font = font;
    }
    cell.alignment = {
      wrapText: true,
      vertical: "top",
      horizontal: options.horizontal ?? "left",
      ...(options.indent ? { indent: options.indent } : {}),
    };
    const width = this.widths.slice(from).reduce((a, b) => a + b, 0);
    row.height = estimatedHeight(text, width - (options.indent ?? 0), font.size ?? FONT.size, font.bold === true);
    this.row++;
  }

  block(block: TextBlock, level: number): void {
    switch (block.kind) {
      case "paragraph":
        this.merged(block.runs, { indent: level * 2 });
        return;
      case "heading":
        this.merged(
          block.runs.map((r) => ({ ...r, bold: true })),
          { indent: level * 2, font: { size: block.level <= 1 ? 13 : 12 } },
        );
        return;
      case "list":
        block.items.forEach((item, index) => {
          const marker = `${listMarker(block.ordered, block.start, index)} `;
          item.forEach((inner, i) => {
            if (i === 0 && (inner.kind === "paragraph" || inner.kind === "heading"))
              this.merged([{ text: marker }, ...inner.runs], { indent: level * 2 + 1 });
            else this.block(inner, level + 1);
          });
          if (item.length === 0) this.merged([{ text: marker }], { indent: level * 2 + 1 });
        });
        return;
      case "table":
        for (const cells of block.rows) {
          const row = this.sheet.getRow(this.row);
          const texts = cells.map((c) => plainText(c.blocks));
          const last = this.widths.length - 1;
          texts.forEach((text, i) => {
            const at = Math.min(i, last);
            const cell = row.getCell(at + 1);
            cell.value = i > last ? `${String(cell.value ?? "")}\n${text}` : text;
            cell.font = { ...FONT, bold: cells[i]?.header === true };
            cell.alignment = { wrapText: true, vertical: "top" };
            cell.border = BORDER;
          });
          row.height = Math.max(
            FONT.size * 1.3 + 4,
            ...texts.map((text, i) => estimatedHeight(text, this.widths[Math.min(i, last)] ?? 10, FONT.size, false)),
          );
          this.row++;
        }
        return;
    }
  }

  /** The table's title, the header (the printed pages' title row when `printTitles`), the rows and the total. */
  table(table: ExportTable, printTitles: boolean): void {
    this.merged([{ text: table.title }]);
    const header = this.sheet.getRow(this.row);
    table.columns.forEach((column, i) => {
      const cell = header.getCell(i + 1);
      cell.value = column.title;
      cell.font = { ...FONT, bold: true };
      cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
      cell.border = BORDER;
    });
    header.height = Math.max(
      ...table.columns.map((column, i) => estimatedHeight(column.title, this.widths[i] ?? 10, FONT.size, true)),
    );
    if (printTitles) this.sheet.pageSetup.printTitlesRow = `${this.row}:${this.row}`;
    this.row++;
    const styles = table.columns.map((column) => cellStyle(column, false));
    for (const values of table.rows) this.values(values, table.columns, styles);
    if (table.total)
      this.values(
        table.total,
        table.columns,
        table.columns.map((c) => cellStyle(c, true)),
      );
  }

  private values(values: readonly ExportValue[], columns: readonly ExportColumn[], styles: readonly CellStyle[]): void {
    const row = this.sheet.getRow(this.row);
    let height = FONT.size * 1.3 + 4;
    values.forEach((value, i) => {
      const column = columns[i];
      const style = styles[i];
      if (!column || !style) return;
      const cell = row.getCell(i + 1);
      cell.value = xlsxValue(value, column);
      cell.style = style;
      if (typeof value === "string" && column.kind === "text")
        height = Math.max(height, estimatedHeight(value, this.widths[i] ?? 10, FONT.size, false));
    });
    row.height = Math.ceil(height);
    this.row++;
  }
}

type CellStyle = Partial<ExcelJS.Style>;

/** One style object per column, shared by its cells. */
function cellStyle(column: ExportColumn, total: boolean): CellStyle {
  const numFmt =
    column.kind === "share"
      ? "0.0 %"
      : column.kind === "date"
        ? "dd.mm.yyyy"
        : column.kind === "integer" || column.kind === "rowNumber"
          ? "0"
          : undefined;
  return {
    font: { ...FONT, ...(total ? { bold: true } : {}) },
    alignment: { wrapText: true, vertical: "top", horizontal: columnAlignment(column) },
    border: BORDER,
    ...(numFmt ? { numFmt } : {}),
  };
}

function xlsxValue(value: ExportValue, column: ExportColumn): ExcelJS.CellValue {
  if (value === null) return null;
  if (column.kind === "date" && typeof value === "string") {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (match) return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  }
  return value;
}

/**
 * Points of height for text wrapped in a cell `width` character units wide. No
 * spreadsheet fits merged rows itself, and LibreOffice does not fit any row of
 * a file it is given, so every row written gets its height. Times at 11 pt
 * fits about 1.1 letters per unit (units are the default font's digit), a
 * unit goes to the cell's padding, lines are 1.3 × the size.
 */
function estimatedHeight(text: string, width: number, size: number, bold: boolean): number {
  const capacity = Math.max(1, ((width - 1) * 1.1 * 11) / size / (bold ? 1.08 : 1));
  return Math.ceil(wrappedLines(text, capacity) * size * 1.3 + 4);
}

/** Lines of `text` wrapped word by word at `capacity` letters a line (a longer word is broken). */
function wrappedLines(text: string, capacity: number): number {
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/)) {
      if (word === "") continue;
      const length = word.length;
      if (used === 0) used = length;
      else if (used + 1 + length <= capacity) used += 1 + length;
      else {
        lines++;
        used = length;
      }
      while (used > capacity) {
        lines++;
        used -= Math.floor(capacity);
      }
    }
  }
  return lines;
}

function plainText(blocks: readonly TextBlock[]): string {
  return blocks
    .map((b) => {
      if (b.kind === "paragraph" || b.kind === "heading") return b.runs.map(runText).join("");
      if (b.kind === "list")
        return b.items.map((item, i) => `${listMarker(b.ordered, b.start, i)} ${plainText(item)}`).join("\n");
      return b.rows.map((r) => r.map((c) => plainText(c.blocks)).join(" | ")).join("\n");
    })
    .join("\n");
}

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique in the workbook (case-insensitive). */
class SheetNames {
  private readonly used = new Set<string>();

  take(wanted: string): string {
    const clean =
      wanted
        .replace(/[[\]:*?/\\]/g, " ")
        .replace(/\s+/g, " ")
        .trim()
        .replace(/^'+|'+$/g, "") || "Лист";
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? "" : ` (${n})`;
      const name = `${clean.slice(0, 31 - suffix.length).trim()}${suffix}`;
      if (!this.used.has(name.toLowerCase())) {
        this.used.add(name.toLowerCase());
        return name;
      }
    }
  }
}

/** A plain Uint8Array over exceljs' answer (a Node Buffer, or a polyfilled one in the browser). */
function bytesOf(buffer: ArrayBuffer | Uint8Array): Uint8Array {
  return buffer instanceof Uint8Array
    ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    : new Uint8Array(buffer);
}
