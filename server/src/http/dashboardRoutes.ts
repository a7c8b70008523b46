import type { IncomingMessage, ServerResponse } from "node:http";
import type { DashboardResponse } from "@karta/schema";
import { z } from "zod";
import { OrganisationTree } from "../access/OrganisationTree.ts";
import { mayMonitor, type Principal } from "../access/policy.ts";
import { countsFor } from "../comments/commentDigest.ts";
import { messages } from "../messages.ts";
import { buildDashboard } from "../monitoring/dashboard.ts";
import type { Services } from "../services.ts";
import type { OrganisationRecord } from "../storage/DirectoryStore.ts";
import { HttpError, readQuery, sendJson } from "./json.ts";
import { LiveEventStream, type OpenStreams } from "./liveEventStream.ts";
import type { RequestContext, Route } from "./router.ts";
import { sseEvent } from "./serverSentEvents.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const dashboardQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  asOf: z.string().regex(ISO_DATE).optional(),
});

/**
 * «Мониторинг» (DOMAIN "The yearly cycle", steps 5–6):
 * - GET /api/organisations/:id/dashboard?year=&asOf=: a municipality's year
 *   across its schools (`DashboardResponse`), from the read model
 *   (MonitoringReadModel); `year` defaults to this year, `asOf` (the day the
 *   progress is read on, YYYY-MM-DD) to today.
 * - GET /api/organisations/:id/dashboard/events: Server-Sent Events, `changed`
 *   whenever the figures may have changed (a document's facts or summary), for
 *   the open page to ask again; access is decided again before each.
 * 404 for an unknown organisation or one that is not a municipality; 403 when
 * the person may not monitor it (`mayMonitor`).
 */
export function dashboardRoutes(services: Services, open: OpenStreams): Route[] {
  return [
    {
      method: "GET",
      path: "/api/organisations/:id/dashboard",
      async handle(ctx) {
        const { year, asOf } = readQuery(ctx.url, dashboardQuery);
        const { principal } = await ctx.user();
        // One read of the organisations serves the access decision and the schools' statuses.
        const organisations = await services.directory.listOrganisations();
        const tree = new OrganisationTree(organisations);
        checkMonitoring(principal, tree, ctx.params.id ?? "");
        const today = new Date().toISOString().slice(0, 10);
        const municipalityId = ctx.params.id ?? "";
        const answer = await dashboardOf(services, tree, organisations, municipalityId, {
          year: year ?? Number(today.slice(0, 4)),
          asOf: asOf ?? today,
        });
        sendJson(ctx.res, 200, answer);
      },
    },
    {
      method: "GET",
      path: "/api/organisations/:id/dashboard/events",
      async handle(ctx: RequestContext) {
        const auth = await ctx.user();
        const municipalityId = ctx.params.id ?? "";
        checkMonitoring(auth.principal, await services.access.tree(), municipalityId);
        const stream = new DashboardEventStream(services, ctx.req, ctx.res, municipalityId, auth.principal.accountId, {
          id: auth.credential.id,
          expiresAt: auth.credential.expiresAt,
        });
        try {
          open.admit(stream);
        } catch (error) {
          stream.close();
          throw error;
        }
        stream.start(sseEvent("ready", "{}"), () => open.remove(stream));
      },
    },
  ];
}

/** Throws 404 unless `id` is a municipality, 403 unless the person may monitor it. */
function checkMonitoring(principal: Principal, tree: OrganisationTree, id: string): void {
  if (tree.get(id)?.kind !== "municipality") throw new HttpError(404, "not-found", messages.notAMunicipalityToMonitor);
  if (!mayMonitor(principal, tree, id)) throw new HttpError(403, "forbidden", messages.monitoringForbidden);
}

/** The dashboard of a municipality (checked by the caller), from the organisations already read. */
async function dashboardOf(
  services: Services,
  tree: OrganisationTree,
  organisations: readonly OrganisationRecord[],
  municipalityId: string,
  { year, asOf }: { readonly year: number; readonly asOf: string },
): Promise<DashboardResponse> {
  const below = new Set(tree.subtree(municipalityId));
  const [records, comments] = await Promise.all([services.store.listDocuments(), services.commentActivity.all()]);
  const documents = records.filter((d) => d.year === year && d.organisationId !== null && below.has(d.organisationId));
  const facts = await services.monitoring.factsFor(documents);
  return buildDashboard({
    municipality: { id: municipalityId, name: tree.get(municipalityId)?.name ?? "" },
    year,
    asOf,
    schools: organisations.filter((o) => o.kind === "school" && below.has(o.id)),
    documents,
    facts,
    openComments: (docId) => countsFor(comments.get(docId) ?? null, "", undefined).open,
  });
}

/** One open «Мониторинг» page: `changed` when its municipality's figures may have changed. */
class DashboardEventStream extends LiveEventStream<"changed"> {
  constructor(
    services: Services,
    req: IncomingMessage,
    res: ServerResponse,
    private readonly municipalityId: string,
    accountId: string,
    credential: { readonly id: string; readonly expiresAt: string | null },
  ) {
    super(services, req, res, accountId, credential);
    this.keep(services.monitoring.subscribe(municipalityId, () => this.ask("changed")));
  }

  /** Decides access again, then tells the page to ask for the figures; the stream ends when it may no longer. */
  protected async pass(asked: ReadonlySet<"changed">): Promise<void> {
    const principal = await this.authenticate();
    const allowed = principal !== null && mayMonitor(principal, await this.services.access.tree(), this.municipalityId);
    if (this.isClosed) return;
    if (!allowed) {
      this.close();
      return;
    }
    if (asked.has("changed")) this.write(sseEvent("changed", "{}"));
  }
}
