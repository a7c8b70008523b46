import { apiError } from "@karta/schema";
import { messages } from "../messages.ts";
import { ApiRequestError } from "./http.ts";

/** The formats GET /api/documents/<id>/export writes. */
export const EXPORT_FORMATS = ["xlsx", "docx", "pdf", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface DownloadedFile {
  readonly blob: Blob;
  /** The server's Russian file name (Content-Disposition), or a fallback. */
  readonly fileName: string;
}

/** A document in one format, as the server lays it out (the order's appendix). */
export function fetchExport(docId: string, format: ExportFormat, signal?: AbortSignal): Promise<DownloadedFile> {
  const query = new URLSearchParams({ format });
  return fetchFile(`/api/documents/${encodeURIComponent(docId)}/export?${query}`, `document.${format}`, signal);
}

/** A municipality's documents of a year in one workbook, a sheet per document (coordinators). */
export function fetchYearWorkbook(organisationId: string, year: number, signal?: AbortSignal): Promise<DownloadedFile> {
  const query = new URLSearchParams({ organisationId, year: String(year) });
  return fetchFile(`/api/exports/workbook?${query}`, `documents-${year}.xlsx`, signal);
}

async function fetchFile(url: string, fallbackName: string, signal?: AbortSignal): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: "same-origin" });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError("unreachable", messages.api.serverUnreachable);
  }
  if (!response.ok) {
    const parsed = apiError.safeParse(await response.json().catch(() => undefined));
    throw new ApiRequestError(
      "server",
      parsed.success ? parsed.data.message : messages.exports.failed,
      parsed.success ? parsed.data.error : undefined,
      response.status,
    );
  }
  return {
    blob: await response.blob(),
    fileName: fileNameOf(response.headers.get("content-disposition")) ?? fallbackName,
  };
}

/** The file name of a Content-Disposition header: `filename*=UTF-8''…` first (Russian names), else `filename="…"`. */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header) ?? /filename\s*=\s*([^;]+)/i.exec(header);
  return plain?.[1]?.trim() || null;
}
