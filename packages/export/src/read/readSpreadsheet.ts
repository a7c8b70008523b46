import { readCsv } from "./readCsv.ts";
import { readXlsx } from "./readXlsx.ts";
import { type Sheet, UnreadableFileError } from "./sheet.ts";

/**
 * A file chosen for import, by what it is: an XLSX (a ZIP archive) or a CSV.
 * An old .xls or anything else is refused with UnreadableFileError("format").
 */
export async function readSpreadsheet(fileName: string, data: Uint8Array | ArrayBuffer): Promise<Sheet[]> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const lower = fileName.toLowerCase();
  if (zip) return readXlsx(bytes);
  if (lower.endsWith(".xlsx") || lower.endsWith(".xls") || isBinary(bytes)) throw new UnreadableFileError("format");
  return [readCsv(bytes, fileName.replace(/\.[^.]*$/, "") || fileName)];
}

/** NUL bytes never occur in a text file in UTF-8 or Windows-1251 (an .xls, a .doc, an image has them). */
function isBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 4096).includes(0);
}
