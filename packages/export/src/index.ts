// The model and the words of the appendix, as the browser's print view has them, and what only files need.

export { asciiFileName, contentDisposition, exportFileName } from "./appendix.ts";
export { exportTableOf, liveFiguresOf } from "./fromDocument.ts";
export * from "./modelEntry.ts";
export { applyImport, type ImportMode, importUpdateBytes, MAX_IMPORT_BYTES } from "./read/applyImport.ts";
export {
  type ColumnMapping,
  type FileColumn,
  fileColumns,
  findHeaderRow,
  type ImportIssue,
  type ImportPlan,
  importableColumns,
  planImport,
  suggestMapping,
} from "./read/importPlan.ts";
export { type CsvEncoding, type CsvSheet, decodeCsv, isUtf8, readCsv } from "./read/readCsv.ts";
export { readSpreadsheet } from "./read/readSpreadsheet.ts";
export { plainValue, readXlsx } from "./read/readXlsx.ts";
export { type Sheet, UnreadableFileError } from "./read/sheet.ts";
export { columnLetter, normaliseTitle } from "./read/titles.ts";
export { plainTextOf } from "./richText.ts";
export { toCsv } from "./write/csv.ts";
export { toDocx } from "./write/docx.ts";
export { PDF_FONT_FILES, type PdfFonts, toPdf } from "./write/pdf.ts";
export { toXlsx, toXlsxWorkbook, type WorkbookEntry } from "./write/xlsx.ts";
