export {
  appendixAuthority,
  appendixLines,
  asciiFileName,
  contentDisposition,
  exportFileName,
  orderLine,
  russianDate,
} from "./appendix.ts";
export { type ExportInfo, exportModelOf, exportTableOf, liveFiguresOf } from "./fromDocument.ts";
export type {
  ExportColumn,
  ExportColumnKind,
  ExportDocument,
  ExportOrder,
  ExportSection,
  ExportTable,
  ExportValue,
  TextBlock,
  TextRun,
} from "./model.ts";
export { type LiveFigureRef, type LiveFigureResolver, plainTextOf } from "./richText.ts";
export { toCsv } from "./write/csv.ts";
export { toDocx } from "./write/docx.ts";
export { isLandscape } from "./write/layout.ts";
export { PDF_FONT_FILES, type PdfFonts, toPdf } from "./write/pdf.ts";
export { toXlsx, toXlsxWorkbook, type WorkbookEntry } from "./write/xlsx.ts";
