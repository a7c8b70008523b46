import { appendixLines } from "../appendix.ts";
import type { ExportColumn, ExportDocument, ExportTable, ExportValue, TextBlock } from "../model.ts";
import { csvShare, decimalComma, listMarker, printedValue, runText } from "./layout.ts";

/**
 * CSV in the dialect a Russian Excel or LibreOffice opens with a double click:
 * UTF-8 with a BOM, `;` between fields, CRLF between records, a decimal comma,
 * dates as ДД.ММ.ГГГГ, shares as «18,8%», yes/no as «да»/«нет».
 *
 * One file per document, laid out like the XLSX sheet: the appendix block (in
 * the last column, top right), the title, the sections' text (a paragraph, a
 * heading or a list item per line), then each table one after another: its
 * title, the columns' titles, the rows, the total row, an empty line between
 * tables. Every line has as many fields as the widest table.
 *
 * A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
 * written with a leading apostrophe, so that a spreadsheet never runs it as a
 * formula (CSV injection).
 */
export function toCsv(document: ExportDocument): Uint8Array {
  const width = Math.max(1, ...document.tables.map((t) => t.columns.length));
  const lines: string[][] = [];
  const line = (...cells: string[]) => lines.push(cells);
  const blank = () => line();

  for (const text of appendixLines(document)) line(...Array<string>(width - 1).fill(""), text);
  blank();
  line(document.title);
  blank();
  for (const section of document.sections) {
    if (section.titleInPrint) line(section.title);
    for (const block of section.blocks) lines.push(...blockLines(block, ""));
    blank();
  }
  document.tables.forEach((table, index) => {
    if (index > 0) blank();
    lines.push(...tableLines(table));
  });

  const text = lines.map((cells) => padded(cells, width).map(field).join(";")).join("\r\n");
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

/** One table: its title, the columns' titles, the rows and the total row, each cell as the CSV dialect writes it. */
export function tableLines(table: ExportTable): string[][] {
  return [
    [table.title],
    table.columns.map((c) => c.title),
    ...table.rows.map((row) => row.map((value, i) => csvValue(value, table.columns[i]))),
    ...(table.total ? [table.total.map((value, i) => csvValue(value, table.columns[i]))] : []),
  ];
}

function csvValue(value: ExportValue, column: ExportColumn | undefined): string {
  if (typeof value === "number") return column?.kind === "share" ? csvShare(value) : decimalComma(value);
  return guarded(printedValue(value, column?.kind ?? "text"));
}

function blockLines(block: TextBlock, indent: string): string[][] {
  switch (block.kind) {
    case "paragraph":
    case "heading":
      return [[guarded(indent + block.runs.map(runText).join(""))]];
    case "list":
      return block.items.flatMap((item, index) => {
        const marker = `${indent}${listMarker(block.ordered, block.start, index)} `;
        const [first, ...rest] = item.flatMap((b) => blockLines(b, `${indent}  `));
        const head = first ? [[marker + (first[0] ?? "").trimStart(), ...first.slice(1)]] : [[marker.trimEnd()]];
        return [...head, ...rest];
      });
    case "table":
      return block.rows.map((row) =>
        row.map((cell) =>
          guarded(
            cell.blocks
              .flatMap((b) => blockLines(b, ""))
              .map((l) => l.join(" "))
              .join("\n"),
          ),
        ),
      );
  }
}

function padded(cells: readonly string[], width: number): string[] {
  return cells.length >= width ? [...cells] : [...cells, ...Array<string>(width - cells.length).fill("")];
}

/** A field quoted when it holds `;`, a quote, a line break or edge spaces; quotes doubled. */
function field(value: string): string {
  return /[;"\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function guarded(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
