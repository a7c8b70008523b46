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
