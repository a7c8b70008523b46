import { KartaDocument } from "@karta/doc";
import { deficitsABShare, type RegistrySchool, shnorCount, shnorShare, statusesByYear } from "@karta/domain";
import { type FiguresResponse, teacherDeficits } from "@karta/schema";
import { OrganisationTree } from "../access/OrganisationTree.ts";
import { documentAccess } from "../access/policy.ts";
import { readStoredDocument } from "../documents/storedDocument.ts";
import { messages } from "../messages.ts";
import type { Services } from "../services.ts";
import { HttpError, sendJson } from "./json.ts";
import type { RequestContext, Route } from "./router.ts";

/**
 * Figures computed from the registry and the documents: the ШНОР list by
 * year and the live figures of the analytic report. Readable by whoever may
 * read the municipality's own documents.
 */
export function figuresRoutes(services: Services): Route[] {
  /** The municipality's schools, after checking the user may read its documents. */
  const schoolsOf = async (ctx: RequestContext): Promise<RegistrySchool[]> => {
    const { principal } = await ctx.user();
    // One read of the organisations serves both the access decision and the schools' statuses.
    const organisations = await services.directory.listOrganisations();
    const tree = new OrganisationTree(organisations);
    const id = ctx.params.id ?? "";
    const node = tree.get(id);
    if (!node || node.kind === "school" || documentAccess(principal, tree, id) === "none") {
      throw new HttpError(404, "not-found", messages.organisationNotFound);
    }
    const below = new Set(tree.subtree(id));
    return organisations.filter((o) => o.kind === "school" && below.has(o.id));
  };

  return [
    {
      method: "GET",
      path: "/api/organisations/:id/statuses-by-year",
      async handle(ctx) {
        sendJson(ctx.res, 200, statusesByYear(await schoolsOf(ctx)));
      },
    },
    {
      method: "GET",
      path: "/api/organisations/:id/figures",
      async handle(ctx) {
        sendJson(ctx.res, 200, await municipalityFigures(services, ctx.params.id ?? "", await schoolsOf(ctx)));
      },
    },
  ];
}

/**
 * The live figures of a municipality (its schools given): ШНОР per year, the
 * latest share, the A+B share of its latest teacher-deficits monitoring. The
 * caller has checked that the person may read them.
 */
export async function municipalityFigures(
  services: Services,
  organisationId: string,
  schools: readonly RegistrySchool[],
): Promise<FiguresResponse> {
  const { years } = statusesByYear(schools);
  const latest = years.at(-1);
  return {
    schools: schools.length,
    shnorByYear: Object.fromEntries(years.map((y) => [String(y), shnorCount(schools, y)])),
    shnorShare: latest === undefined ? null : { year: latest, percent: shnorShare(schools, latest) },
    deficitsAB: await latestDeficits(services, organisationId),
  };
}

/** A+B share of the municipality's most recent teacher-deficits monitoring, read from its stored state. */
async function latestDeficits(services: Services, organisationId: string): Promise<FiguresResponse["deficitsAB"]> {
  const monitoring = (await services.store.listDocuments())
    .filter((d) => d.templateId === teacherDeficits.id && d.organisationId === organisationId)
    .sort((a, b) => b.year - a.year || b.updatedAt.localeCompare(a.updatedAt))[0];
  if (!monitoring) return null;
  const { doc: ydoc } = await readStoredDocument(services.store, monitoring.id);
  const rows = KartaDocument.open(ydoc)?.table("subjects").rows() ?? [];
  ydoc.destroy();
  return { year: monitoring.year, percent: deficitsABShare(rows), documentId: monitoring.id };
}
