import iconv from "iconv-lite";
import Papa from "papaparse";
import { type Sheet, trimSheet, UnreadableFileError } from "./sheet.ts";

export type CsvEncoding = "utf-8" | "windows-1251";

export interface CsvSheet extends Sheet {
  readonly encoding: CsvEncoding;
  /** The separator found: «;» (Excel in a Russian locale), «,» or a tab. */
  readonly delimiter: string;
}

const DELIMITERS = [";", ",", "\t"];

/**
 * Reads a CSV file as Russian offices save it: UTF-8 (with or without a BOM)
 * or Windows-1251 (Excel's «CSV (разделители — запятые)» in a Russian
 * Windows), cells separated by «;», «,» or a tab. Bytes that are valid UTF-8
 * are read as UTF-8, others as Windows-1251. Every cell stays text: the
 * column's type reads it later (parseCell), exactly as a paste would.
 */
export function readCsv(data: Uint8Array | ArrayBuffer, name = "CSV"): CsvSheet {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const decoded = decodeCsv(bytes);
  // Excel's own hint on the first line: «sep=;».
  const hint = /^sep=(.)\r?\n/.exec(decoded.text);
  const text = hint ? decoded.text.slice(hint[0].length) : decoded.text;
  const delimiter = hint?.[1] ?? guessDelimiter(text);
  // Empty lines are kept, so that a row's index + 1 is the row number a spreadsheet shows.
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  if (!Array.isArray(parsed.data)) throw new UnreadableFileError("csv");
  return { name, rows: trimSheet(parsed.data), encoding: decoded.encoding, delimiter };
}

/**
 * The separator that splits the first rows most evenly into more than one
 * cell (papaparse's guess, made on the first rows without the empty ones:
 * counted in, an empty last line made a two-column file look like one column).
 * «,» when nothing splits: a one-column file.
 */
function guessDelimiter(text: string): string {
  const preview = Papa.parse<string[]>(text, { delimitersToGuess: DELIMITERS, skipEmptyLines: "greedy", preview: 20 });
  return preview.errors.some((e) => e.code === "UndetectableDelimiter") ? "," : preview.meta.delimiter;
}

/** The file's text and the encoding it was read in; a UTF-8 BOM is dropped. */
export function decodeCsv(bytes: Uint8Array): { readonly text: string; readonly encoding: CsvEncoding } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (bom || isUtf8(body)) return { text: iconv.decode(body, "utf8", { stripBOM: false }), encoding: "utf-8" };
  return { text: iconv.decode(body, "win1251"), encoding: "windows-1251" };
}

/**
 * Whether the bytes are well-formed UTF-8 (no overlong forms, no surrogates,
 * nothing past U+10FFFF). Windows-1251 Cyrillic text almost never is: its
 * letters are bytes 0xC0–0xFF, which in UTF-8 must be followed by 0x80–0xBF.
 */
export function isUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return false;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return false;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}
