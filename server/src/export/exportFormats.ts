import { type ExportDocument, toCsv, toDocx, toPdf, toXlsx } from "@karta/export";
import { pdfFonts } from "./pdfFonts.ts";

/** The formats of GET /api/documents/<id>/export?format=…, with what each is sent as. */
export const EXPORT_FORMATS = {
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    write: (document: ExportDocument) => toXlsx(document),
  },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    write: (document: ExportDocument) => toDocx(document),
  },
  pdf: {
    contentType: "application/pdf",
    write: async (document: ExportDocument) => toPdf(document, await pdfFonts()),
  },
  csv: {
    contentType: "text/csv; charset=utf-8",
    write: async (document: ExportDocument) => toCsv(document),
  },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(value: string | null): value is ExportFormat {
  return value !== null && Object.hasOwn(EXPORT_FORMATS, value);
}
