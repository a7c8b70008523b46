/**
 * `@karta/export/model`: the document as it reads on paper, without the
 * writers (exceljs, docx, pdfmake), for the browser's print view, which needs
 * the same model and words as the files but none of their libraries.
 */
export { appendixAuthority, appendixLines, orderLine, russianDate } from "./appendix.ts";
export { type ExportInfo, exportModelOf } from "./fromDocument.ts";
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
export type { LiveFigureRef, LiveFigureResolver } from "./richText.ts";
export { isLandscape, printedValue } from "./write/layout.ts";
