import type { ServerResponse } from "node:http";
import { contentDisposition, exportFileName, type WorkbookEntry } from "@karta/export";
import { getTemplate } from "@karta/schema";
import { z } from "zod";
import type { OrganisationTree } from "../access/OrganisationTree.ts";
import { documentAccess, mayExportWorkbook } from "../access/policy.ts";
import { EXPORT_FORMATS, isExportFormat } from "../export/exportFormats.ts";
import { ExportJobs, ExportsBusyError } from "../export/exportJobs.ts";
import { exportModelFor } from "../export/exportModel.ts";
import { messages } from "../messages.ts";
import type { Services } from "../services.ts";
import type { DocumentRecord } from "../storage/DocumentStore.ts";
import { HttpError, readQuery } from "./json.ts";
import type { Route } from "./router.ts";

const workbookQuery = z.object({
  organisationId: z.string().min(1).max(200),
  year: z.coerce.number().int().min(1900).max(2200),
});

/**
 * Downloads (DOMAIN "The yearly cycle", step 6):
 * - GET /api/documents/<id>/export?format=xlsx|docx|pdf|csv: the document as
 *   its order's appendix, for whoever may read it;
 * - GET /api/exports/workbook?organisationId=&year=: every document of a
 *   municipality and its schools of that year in one XLSX, a sheet each, for
 *   its coordinators (`mayExportWorkbook`).
 * The model is read here, from the live room; the files are written on the
 * export thread (`ExportJobs`), so that a big one stalls no document.
 */
export function exportRoutes(services: Services): Route[] {
  const jobs = new ExportJobs();
  /** Written on the export thread; a queue too long is a 503. */
  const written = async (input: Parameters<ExportJobs["write"]>[0]) => {
    try {
      return await jobs.write(input);
    } catch (error) {
      if (error instanceof ExportsBusyError) throw new HttpError(503, "busy", messages.exportsBusy);
      throw error;
    }
  };
  return [
    {
      method: "GET",
      path: "/api/documents/:id/export",
      async handle(ctx) {
        const { principal } = await ctx.user();
        const record = await services.store.getDocument(ctx.params.id ?? "");
        const tree = await services.access.tree();
        const level = record ? await services.access.documentAccess(principal, record, tree) : "none";
        if (!record || level === "none") throw new HttpError(404, "not-found", messages.documentNotFound);
        const format = ctx.url.searchParams.get("format");
        if (!isExportFormat(format)) throw new HttpError(400, "unknown-format", messages.unknownExportFormat);
        const model = await exportModelFor(services, principal, tree, record);
        const bytes = await written({ kind: "document", format, document: model });
        sendFile(ctx.res, bytes, EXPORT_FORMATS[format].contentType, exportFileName(record.title, record.year, format));
      },
    },
    {
      method: "GET",
      path: "/api/exports/workbook",
      async handle(ctx) {
        const { principal } = await ctx.user();
        const { organisationId, year } = readQuery(ctx.url, workbookQuery);
        const tree = await services.access.tree();
        const municipality = tree.get(organisationId);
        if (!municipality) throw new HttpError(404, "not-found", messages.organisationNotFound);
        if (municipality.kind !== "municipality")
          throw new HttpError(400, "not-a-municipality", messages.workbookNotAMunicipality);
        if (!mayExportWorkbook(principal, tree, organisationId))
          throw new HttpError(403, "forbidden", messages.workbookForbidden);
        const below = new Set(tree.subtree(organisationId));
        const records = (await services.store.listDocuments())
          .filter((d) => d.year === year && d.organisationId !== null && below.has(d.organisationId))
          .filter((d) => documentAccess(principal, tree, d.organisationId) !== "none")
          .sort(byPlaceInWorkbook(tree, organisationId));
        if (records.length === 0) throw new HttpError(404, "no-documents", messages.workbookEmpty(year));
        const entries: WorkbookEntry[] = [];
        for (const record of records) {
          const school = record.organisationId !== organisationId;
          entries.push({
            name: school ? `${shortSchoolName(record.organisation)} ${record.title}` : record.title,
            organisation: record.organisation,
            document: await exportModelFor(services, principal, tree, record),
          });
        }
        const name = exportFileName(`Документы ${municipality.name} ${year}`, year, "xlsx");
        sendFile(ctx.res, await written({ kind: "workbook", entries }), EXPORT_FORMATS.xlsx.contentType, name);
      },
    },
  ];
}

function sendFile(res: ServerResponse, bytes: Uint8Array, contentType: string, fileName: string): void {
  res.writeHead(200, {
    "content-type": contentType,
    "content-length": bytes.byteLength,
    "content-disposition": contentDisposition(fileName),
    "cache-control": "no-store",
  });
  res.end(bytes);
}

/**
 * The municipality's own documents first, then its schools by number as the
 * seeds list them (№ 5, № 7, № 11, № 17, …), then by name; within each, DOMAIN's
 * order of documents.
 */
function byPlaceInWorkbook(tree: OrganisationTree, municipalityId: string) {
  const rank = (d: DocumentRecord) => getTemplate(d.templateId)?.domainNumber ?? 99;
  const school = (d: DocumentRecord) => {
    if (d.organisationId === municipalityId) return { own: 0, number: 0, name: "" };
    const name = tree.get(d.organisationId ?? "")?.name ?? d.organisation;
    const number = Number(/№\s*(\d+)/u.exec(name)?.[1] ?? Number.MAX_SAFE_INTEGER);
    return { own: 1, number, name };
  };
  return (a: DocumentRecord, b: DocumentRecord) => {
    const [x, y] = [school(a), school(b)];
    return (
      x.own - y.own ||
      x.number - y.number ||
      x.name.localeCompare(y.name, "ru") ||
      rank(a) - rank(b) ||
      a.title.localeCompare(b.title, "ru")
    );
  };
}

/** «МБОУ СОШ № 5» → «СОШ № 5»: the kind of school and its number fit on a sheet's tab. */
function shortSchoolName(name: string): string {
  return name.replace(/^(МБОУ|МАОУ|МКОУ|МОБУ|МОАУ|ГБОУ|МБОУ|МОУ)\s+/u, "");
}
