export {
  appendixAuthority,
  appendixLines,
  asciiFileName,
  contentDisposition,
  exportFileName,
  orderLine,
  russianDate,
} from "./appendix.ts";
export { type ExportInfo, exportModelOf, exportTableOf, liveFiguresOf, printedColumnTitle } from "./fromDocument.ts";
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
