import { createDocumentRequest, documentStatus, getTemplate, type TemplateSummary, templates } from "@karta/schema";
import type * as Y from "yjs";
import { z } from "zod";
import type { OrganisationTree } from "../access/OrganisationTree.ts";
import { documentAccess, mayCreateDocument } from "../access/policy.ts";
import { createDocument, type NewDocument } from "../documents/createDocument.ts";
import { documentSummaryFor, summariesFor, toSummary } from "../documents/documentSummaries.ts";
import { existingProgramme, programmeForRiskFactor, RiskFactorError } from "../documents/riskFactorProgramme.ts";
import { readStoredDocument } from "../documents/storedDocument.ts";
import { messages } from "../messages.ts";
import type { Services } from "../services.ts";
import type { DocumentRecord } from "../storage/DocumentStore.ts";
import { HttpError, readBody, readQuery, sendJson } from "./json.ts";
import type { Route } from "./router.ts";

/** The documents a user may read, one of them, and creating one from a template. */
export function documentRoutes(services: Services): Route[] {
  return [
    {
      method: "GET",
      path: "/api/documents",
      async handle(ctx) {
        const { principal } = await ctx.user();
        const query = readQuery(ctx.url, documentsQuery);
        const records = (await services.store.listDocuments()).filter((record) => matchesQuery(record, query));
        sendJson(ctx.res, 200, await summariesFor(services, principal, records, { withComments: true }));
      },
    },
    {
      method: "GET",
      path: "/api/documents/:id",
      async handle(ctx) {
        const { principal } = await ctx.user();
        const summary = await documentSummaryFor(services, principal, ctx.params.id ?? "");
        // The same answer whether it does not exist or is not yours: ids are not confirmed to outsiders.
        if (!summary) throw new HttpError(404, "not-found", messages.documentNotFound);
        sendJson(ctx.res, 200, summary);
      },
    },
    {
      method: "GET",
      path: "/api/templates",
      async handle(ctx) {
        await ctx.user();
        sendJson(
          ctx.res,
          200,
          templates.map(
            (t): TemplateSummary => ({
              id: t.id,
              title: t.title,
              scope: t.scope,
              version: t.version,
              domainNumber: t.domainNumber,
            }),
          ),
        );
      },
    },
    {
      method: "POST",
      path: "/api/documents",
      async handle(ctx) {
        const { principal } = await ctx.user();
        const body = await readBody(ctx.req, createDocumentRequest);
        const template = getTemplate(body.template);
        if (!template) throw new HttpError(400, "unknown-template", messages.unknownTemplate(body.template));
        const tree = await services.access.tree();
        let input: Omit<NewDocument, "organisation">;
        /** Last year's programme of the factor, when asked to start from it. */
        let previous: Y.Doc | undefined;
        if (body.fromRiskFactor) {
          const profile = await services.store.getDocument(body.fromRiskFactor.documentId);
          if (!profile || documentAccess(principal, tree, profile.organisationId) === "none") {
            throw new HttpError(404, "not-found", messages.documentNotFound);
          }
          const all = await services.store.listDocuments();
          try {
            input = await programmeForRiskFactor(services.store, profile, body.fromRiskFactor.rowId);
            const { copyFrom } = body.fromRiskFactor;
            const last =
              copyFrom === undefined || copyFrom === input.year
                ? undefined
                : existingProgramme(all, { ...input, year: copyFrom });
            if (last) {
              previous = (await readStoredDocument(services.store, last.id)).doc;
              input = await programmeForRiskFactor(services.store, profile, body.fromRiskFactor.rowId, previous);
            }
          } catch (error) {
            previous?.destroy();
            if (error instanceof RiskFactorError) throw new HttpError(400, "no-risk-factor", messages.noRiskFactor);
            throw error;
          }
          const existing = existingProgramme(all, input);
          if (existing) {
            // The factor has its programme already: answer it (200, not 201) for the page to open it.
            const summary = await documentSummaryFor(services, principal, existing.id);
            if (summary) {
              sendJson(ctx.res, 200, summary);
              return;
            }
          }
        } else {
          const account = await services.directory.getAccount(principal.accountId);
          input = {
            templateId: template.id,
            title: body.title,
            organisationId: body.organisationId ?? account?.organisationId ?? "",
            year: body.year ?? new Date().getFullYear(),
          };
        }
        const { organisationId } = input;
        checkScope(tree, organisationId, getTemplate(input.templateId)?.scope ?? template.scope);
        if (!mayCreateDocument(principal, tree, organisationId)) {
          throw new HttpError(403, "forbidden", messages.cannotCreateHere);
        }
        const record = await createDocument(services.store, {
          ...input,
          organisation: tree.get(organisationId)?.name ?? "",
        });
        previous?.destroy();
        await services.audit.record({
          action: "document-created",
          actorId: principal.accountId,
          scopeOrganisationId: organisationId,
          subject: `${record.title} (${record.organisation}, ${record.year})`,
          details: record.id,
        });
        // Nobody's page follows a new document yet; the dashboards of its municipality do.
        services.events.publish(record.id, { type: "summary" });
        sendJson(ctx.res, 201, toSummary(record, documentAccess(principal, tree, organisationId), []));
      },
    },
  ];
}

/**
 * GET /api/documents?status=&year=&organisationId=&q=: a coordinator has
 * hundreds of documents; each filter narrows, `q` searches titles (any case).
 */
const documentsQuery = z.object({
  status: documentStatus.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  organisationId: z.string().min(1).max(64).optional(),
  q: z.string().trim().max(200).optional(),
});

function matchesQuery(record: DocumentRecord, query: z.infer<typeof documentsQuery>): boolean {
  if (query.status && record.status !== query.status) return false;
  if (query.year !== undefined && record.year !== query.year) return false;
  if (query.organisationId && record.organisationId !== query.organisationId) return false;
  if (query.q && !record.title.toLocaleLowerCase("ru").includes(query.q.toLocaleLowerCase("ru"))) return false;
  return true;
}

/** A school template belongs to a school, a municipal one to a municipality or region. */
function checkScope(tree: OrganisationTree, organisationId: string, scope: "school" | "municipality"): void {
  const node = tree.get(organisationId);
  if (!node) throw new HttpError(400, "unknown-organisation", messages.organisationNotFound);
  if ((node.kind === "school") !== (scope === "school")) {
    throw new HttpError(400, "wrong-organisation-kind", messages.templateScopeMismatch(scope));
  }
}
