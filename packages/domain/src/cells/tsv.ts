/**
 * Tab-separated text as spreadsheets put it on the clipboard. Excel and
 * LibreOffice quote a cell that holds a tab, a line break or a double quote:
 * the cell is wrapped in "…" and every " inside is doubled. Excel also ends
 * the text with one line break, which is not an extra empty row.
 */

const NEEDS_QUOTES = /[\t\r\n"]/;

/** Encodes rows of cells as TSV, quoting the cells that need it. */
export function encodeTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(encodeCell).join("\t")).join("\r\n");
}

function encodeCell(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * Parses TSV into rows of cells. A quoted cell may span lines; a cell that only
 * starts with a quote but is not a well-formed quoted cell (plain text such as
 * `"Родник" school`) is kept as typed, the way spreadsheets read it.
 * Line breaks inside cells come back as "\n"; rows may be ragged.
 */
export function parseTsv(text: string): string[][] {
  const source = stripFinalLineBreak(text);
  if (source === "") return text === "" ? [] : [[""]];
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    const { value, end } = source[i] === '"' ? readQuoted(source, i) : readPlain(source, i);
    row.push(value);
    i = end;
    if (i >= source.length) break;
    if (source[i] === "\t") {
      i += 1;
      if (i === source.length)
        row.push(""); // a trailing tab leaves one empty cell
      else continue;
      break;
    }
    // a line break: \r\n, \n or \r
    i += source[i] === "\r" && source[i + 1] === "\n" ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= source.length) return rows;
  }
  rows.push(row);
  return rows;
}

function stripFinalLineBreak(text: string): string {
  if (text.endsWith("\r\n")) return text.slice(0, -2);
  if (text.endsWith("\n") || text.endsWith("\r")) return text.slice(0, -1);
  return text;
}

interface Field {
  readonly value: string;
  /** Index of the delimiter after the field, or the text's length. */
  readonly end: number;
}

function readPlain(source: string, start: number): Field {
  let end = start;
  while (end < source.length && !isDelimiter(source[end])) end += 1;
  return { value: source.slice(start, end), end };
}

function readQuoted(source: string, start: number): Field {
  let value = "";
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '"') {
      if (source[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const after = i + 1;
      if (after === source.length || isDelimiter(source[after])) return { value: normaliseBreaks(value), end: after };
      break; // text after the closing quote: not a quoted cell
    }
    value += ch;
    i += 1;
  }
  return readPlain(source, start);
}

function isDelimiter(ch: string | undefined): boolean {
  return ch === "\t" || ch === "\n" || ch === "\r";
}

function normaliseBreaks(value: string): string {
  return value.replace(/\r\n?/g, "\n");
}
