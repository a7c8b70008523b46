import { type CopiedContent, copyContent, randomId } from "@karta/doc";
import {
  type AuditEntry,
  createSchoolRequest,
  type DocumentSummary,
  type Organisation,
  setSchoolStatusRequest,
  updateSchoolRequest,
  type YearlyDocumentsResponse,
  yearlyDocumentsRequest,
} from "@karta/schema";
import { z } from "zod";
import { documentAccess, managesTreeRoot, visibleOrganisations } from "../access/policy.ts";
import { createDocument } from "../documents/createDocument.ts";
import { toSummary } from "../documents/documentSummaries.ts";
import { readStoredDocument } from "../documents/storedDocument.ts";
import {
  documentOfYear,
  plannedSchoolDocuments,
  plannedYearlyDocuments,
  THIS_YEAR_COLUMNS,
} from "../documents/yearlySet.ts";
import { messages } from "../messages.ts";
import type { Services } from "../services.ts";
import type { OrganisationRecord } from "../storage/DirectoryStore.ts";
import { HttpError, readBody, readQuery, sendJson } from "./json.ts";
import { requireManaged, requireManager } from "./requireManager.ts";
import type { Route } from "./router.ts";

const toOrganisation = (r: OrganisationRecord): Organisation => ({ ...r, statuses: { ...r.statuses } });

const AUDIT_LIMIT_MAX = 1000;
/** `before`: the id of the last entry of the previous page; the next one holds older entries only. */
const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(AUDIT_LIMIT_MAX).default(200),
  before: z.coerce.number().int().min(1).optional(),
});

/** The schools registry and the audit log. */
export function registryRoutes(services: Services): Route[] {
  const school = async (id: string) => {
    const record = await services.directory.getOrganisation(id);
    if (!record) throw new HttpError(404, "not-found", messages.organisationNotFound);
    if (record.kind !== "school") throw new HttpError(400, "not-a-school", messages.notASchool);
    return record;
  };

  return [
    {
      method: "GET",
      path: "/api/organisations",
      async handle(ctx) {
        const { principal } = await ctx.user();
        const tree = await services.access.tree();
        const visible = visibleOrganisations(principal, tree);
        const all = await services.directory.listOrganisations();
        sendJson(ctx.res, 200, all.filter((o) => visible.has(o.id)).map(toOrganisation));
      },
    },
    {
      method: "POST",
      path: "/api/organisations",
      async handle(ctx) {
        const manager = await requireManager(ctx, services);
        const body = await readBody(ctx.req, createSchoolRequest);
        requireManaged(manager, body.parentId);
        if (manager.tree.get(body.parentId)?.kind !== "municipality") {
          throw new HttpError(400, "wrong-parent", messages.parentNotMunicipality);
        }
        const id = randomId(12);
        await services.directory.createOrganisation({
          id,
          parentId: body.parentId,
          kind: "school",
          name: body.name,
          schoolType: body.schoolType,
        });
        await services.audit.record({
          action: "school-created",
          actorId: manager.auth.principal.accountId,
          scopeOrganisationId: id,
          subject: body.name,
        });
        sendJson(ctx.res, 201, toOrganisation((await services.directory.getOrganisation(id)) as OrganisationRecord));
      },
    },
    {
      method: "PATCH",
      path: "/api/organisations/:id",
      async handle(ctx) {
        const manager = await requireManager(ctx, services);
        const record = await school(ctx.params.id ?? "");
        requireManaged(manager, record.id);
        const changes = await readBody(ctx.req, updateSchoolRequest);
        await services.directory.updateOrganisation(record.id, changes);
        if (changes.name !== undefined) {
          // A school's name is part of its documents' summaries.
          for (const doc of await services.store.listDocuments()) {
            if (doc.organisationId === record.id) services.events.publish(doc.id, { type: "summary" });
          }
        }
        await services.audit.record({
          action: "school-updated",
          actorId: manager.auth.principal.accountId,
          scopeOrganisationId: record.id,
          subject: changes.name ?? record.name,
          details: JSON.stringify(changes),
        });
        sendJson(
          ctx.res,
          200,
          toOrganisation((await services.directory.getOrganisation(record.id)) as OrganisationRecord),
        );
      },
    },
    {
      method: "PUT",
      path: "/api/organisations/:id/status",
      async handle(ctx) {
        const manager = await requireManager(ctx, services);
        const record = await school(ctx.params.id ?? "");
        requireManaged(manager, record.id);
        const { year, status } = await readBody(ctx.req, setSchoolStatusRequest);
        await services.directory.setSchoolStatus(record.id, year, status);
        await services.audit.record({
          action: "school-status-set",
          actorId: manager.auth.principal.accountId,
          scopeOrganisationId: record.id,
          subject: record.name,
          details: `${year}: ${status ?? "—"}`,
        });
        sendJson(
          ctx.res,
          200,
          toOrganisation((await services.directory.getOrganisation(record.id)) as OrganisationRecord),
        );
      },
    },
    {
      method: "POST",
      path: "/api/organisations/:id/yearly-documents",
      async handle(ctx) {
        const manager = await requireManager(ctx, services);
        const id = ctx.params.id ?? "";
        requireManaged(manager, id);
        const target = await services.directory.getOrganisation(id);
        if (target?.kind !== "municipality" && target?.kind !== "school")
          throw new HttpError(400, "not-a-municipality", messages.notAMunicipality);
        const { year, copyFrom } = await readBody(ctx.req, yearlyDocumentsRequest);
        const existing = await services.store.listDocuments();
        let plan: ReturnType<typeof plannedYearlyDocuments>;
        if (target.kind === "school") {
          // One school's set, asked for by hand (whatever its status that year).
          plan = plannedSchoolDocuments(target, existing, year);
        } else {
          const below = new Set(manager.tree.subtree(id));
          const schools = (await services.directory.listOrganisations()).filter(
            (o) => o.kind === "school" && below.has(o.id),
          );
          plan = plannedYearlyDocuments(target, schools, existing, year);
        }
        const created: DocumentSummary[] = [];
        const copied: YearlyDocumentsResponse["copied"] = [];
        for (const { template, organisation, title } of plan.planned) {
          const source =
            copyFrom === undefined ? undefined : documentOfYear(existing, template.id, organisation.id, copyFrom);
          const from = source ? (await readStoredDocument(services.store, source.id)).doc : undefined;
          let carried: CopiedContent | undefined;
          const record = await createDocument(services.store, {
            templateId: template.id,
            title,
            organisationId: organisation.id,
            organisation: organisation.name,
            year,
            fill: from
              ? (doc) => {
                  carried = copyContent(doc, from, { omitColumns: THIS_YEAR_COLUMNS[template.id] });
                }
              : undefined,
          });
          from?.destroy();
          services.events.publish(record.id, { type: "summary" });
          if (source && carried) copied.push({ documentId: record.id, fromDocumentId: source.id, ...carried });
          created.push(toSummary(record, documentAccess(manager.auth.principal, manager.tree, organisation.id), []));
        }
        await services.audit.record({
          action: "document-created",
          actorId: manager.auth.principal.accountId,
          scopeOrganisationId: id,
          subject: `${target.name}, ${year}`,
          details:
            `${created.length} documents of the year` +
            (copyFrom === undefined ? "" : `, ${copied.length} started from ${copyFrom}`),
        });
        sendJson(ctx.res, 201, { created, existing: plan.existing, copied } satisfies YearlyDocumentsResponse);
      },
    },
    {
      method: "GET",
      path: "/api/audit",
      async handle(ctx) {
        const manager = await requireManager(ctx, services);
        const page = readQuery(ctx.url, auditQuery);
        const managesRoot = managesTreeRoot(manager.auth.principal, manager.tree);
        const [entries, accounts] = await Promise.all([
          services.directory.listAudit([...manager.managed], managesRoot, page),
          services.directory.listAccounts(),
        ]);
        const names = new Map(accounts.map((a) => [a.id, a.fullName]));
        sendJson(
          ctx.res,
          200,
          entries.map(
            (e): AuditEntry => ({
              id: e.id,
              at: e.at,
              action: e.action,
              actorId: e.actorId,
              actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
              subject: e.subject,
              details: e.details,
              count: e.count,
              lastAt: e.lastAt,
            }),
          ),
        );
      },
    },
  ];
}
