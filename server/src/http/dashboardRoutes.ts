import type { IncomingMessage, ServerResponse } from "node:http";
import type { DashboardResponse } from "@karta/schema";
import { z } from "zod";
import type { OrganisationTree } from "../access/OrganisationTree.ts";
import { mayMonitor, type Principal } from "../access/policy.ts";
import { countsFor } from "../comments/commentDigest.ts";
import { messages } from "../messages.ts";
import { buildDashboard } from "../monitoring/dashboard.ts";
import type { Services } from "../services.ts";
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
        const tree = await monitoredTree(services, principal, ctx.params.id ?? "");
        const today = new Date().toISOString().slice(0, 10);
        sendJson(
          ctx.res,
          200,
          await dashboardOf(services, tree, ctx.params.id ?? "", year ?? Number(today.slice(0, 4)), asOf ?? today),
        );
      },
    },
    {
      method: "GET",
      path: "/api/organisations/:id/dashboard/events",
      async handle(ctx: RequestContext) {
        const auth = await ctx.user();
        const municipalityId = ctx.params.id ?? "";
        await monitoredTree(services, auth.principal, municipalityId);
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

/** The organisation tree, once the person may monitor this municipality (404 / 403 otherwise). */
async function monitoredTree(services: Services, principal: Principal, id: string): Promise<OrganisationTree> {
  const tree = await services.access.tree();
  if (tree.get(id)?.kind !== "municipality") throw new HttpError(404, "not-found", messages.notAMunicipalityToMonitor);
  if (!mayMonitor(principal, tree, id)) throw new HttpError(403, "forbidden", messages.monitoringForbidden);
  return tree;
}

export async function dashboardOf(
  services: Services,
  tree: OrganisationTree,
  municipalityId: string,
  year: number,
  asOf: string,
): Promise<DashboardResponse> {
  const below = new Set(tree.subtree(municipalityId));
  const [organisations, records, comments] = await Promise.all([
    services.directory.listOrganisations(),
    services.store.listDocuments(),
    services.commentActivity.all(),
  ]);
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
