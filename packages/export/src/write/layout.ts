import { formatPercent, formatTenth } from "@karta/domain";
import { russianDate } from "../appendix.ts";
import type { ExportColumn, ExportColumnKind, ExportDocument, ExportTable, ExportValue, TextRun } from "../model.ts";

/**
 * What the writers share: when a page turns landscape, how a value reads as
 * text on paper (DOCX, PDF) and in CSV, and a list item's marker.
 */

/**
 * The grid's widths (pixels) of the widest table that still reads on a
 * portrait A4 page in a 10–11 pt font: the roadmap's five columns (1,220 px)
 * do, as on the seed's page; the anti-risk programme's ten do not.
 */
const PORTRAIT_MAX_WIDTH_PX = 1300;
const PORTRAIT_MAX_COLUMNS = 5;

export function isWide(table: ExportTable): boolean {
  return (
    table.columns.length > PORTRAIT_MAX_COLUMNS ||
    table.columns.reduce((sum, c) => sum + c.width, 0) > PORTRAIT_MAX_WIDTH_PX
  );
}

/** A document is printed landscape when one of its tables is wide. */
export function isLandscape(document: ExportDocument): boolean {
  return document.tables.some(isWide);
}

/** A value as printed: «55,2 %», «2,5», «21.01.2022», «да»; empty for null. */
export function printedValue(value: ExportValue, kind: ExportColumnKind): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "да" : "нет";
  if (typeof value === "number") {
    if (kind === "share") return formatPercent(value * 100);
    return decimalComma(value);
  }
  if (kind === "date") return russianDate(value);
  return value;
}

/** 2.5 → «2,5», 16 → «16»; at most 10 decimals, without trailing zeros. */
export function decimalComma(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(10))).replace(".", ",");
}

/** A share for CSV: «18,8%», which a Russian spreadsheet reads back as a percentage. */
export function csvShare(fraction: number): string {
  return `${formatTenth(fraction * 100)}%`;
}

/** Whether a column's cells are centred (№, yes/no, dates) or right-aligned (numbers). */
export function columnAlignment(column: ExportColumn): "left" | "center" | "right" {
  switch (column.kind) {
    case "rowNumber":
    case "boolean":
    case "date":
      return "center";
    case "integer":
    case "number":
    case "share":
      return "right";
    default:
      return "left";
  }
}

/** «– » for a bullet, «3. » for the third item of an ordered list. */
export function listMarker(ordered: boolean, start: number | undefined, index: number): string {
  return ordered ? `${(start ?? 1) + index}.` : "–";
}

/** A run's text as plain text, a link followed by its address when the text does not show it. */
export function runText(run: TextRun): string {
  return run.href && run.href !== run.text && !run.text.includes(run.href) ? `${run.text} (${run.href})` : run.text;
}

/** Rows read for the widest word of a column: enough to see what a column holds, cheap on 10,000 rows. */
const ROWS_MEASURED = 500;

/** Letters of the longest word (hyphens, dashes and slashes break words too). */
const longestWord = (text: string) => text.split(/[\s\-–—/]+/).reduce((max, word) => Math.max(max, word.length), 0);

/**
 * The room each column needs so that no word is broken mid-word
 * («периодично-сть»): its title's longest word at `headerCharWidth` (bold), its
 * cells' at `charWidth`, plus `padding`; in the unit of the widths.
 */
export function neededWidths(
  table: ExportTable,
  charWidth: number,
  headerCharWidth: number,
  padding: number,
): number[] {
  return table.columns.map((column, i) => {
    let width = longestWord(column.title) * headerCharWidth;
    for (const row of table.rows.slice(0, ROWS_MEASURED))
      width = Math.max(width, longestWord(printedValue(row[i] ?? null, column.kind)) * charWidth);
    if (table.total)
      width = Math.max(width, longestWord(printedValue(table.total[i] ?? null, column.kind)) * headerCharWidth);
    return width + padding;
  });
}

/**
 * Column widths (in the unit of `available`) in the template's proportions,
 * widened where a column needs more (`neededWidths`), taking the room from
 * columns that have some to spare; when all cannot fit, shares the page in
 * proportion to the need. `charWidth` is an average letter's width at the
 * table's font size, in the same unit; `headerCharWidth` the title's (bold).
 */
export function fittedWidths(
  table: ExportTable,
  available: number,
  charWidth: number,
  padding: number,
  headerCharWidth = charWidth * 1.1,
): number[] {
  const total = table.columns.reduce((sum, c) => sum + c.width, 0) || 1;
  const proportional = table.columns.map((c) => (c.width / total) * available);
  const needed = neededWidths(table, charWidth, headerCharWidth, padding);
  const neededTotal = needed.reduce((a, b) => a + b, 0);
  const minimum = neededTotal > available ? needed.map((n) => (n / neededTotal) * available) : needed;
  const deficit = proportional.reduce((sum, p, i) => sum + Math.max(0, (minimum[i] ?? 0) - p), 0);
  const slack = proportional.map((p, i) => Math.max(0, p - (minimum[i] ?? 0)));
  const slackTotal = slack.reduce((a, b) => a + b, 0);
  return proportional.map((p, i) => {
    const min = minimum[i] ?? 0;
    if (p <= min) return min;
    return slackTotal > 0 ? p - (deficit * (slack[i] ?? 0)) / slackTotal : p;
  });
}
