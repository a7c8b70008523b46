import { KartaDocument } from "@karta/doc";
import { appendixAuthority, type ExportDocument, exportModelOf, liveFiguresOf } from "@karta/export";
import { type FiguresResponse, printedDocumentTitle } from "@karta/schema";
import type { OrganisationTree } from "../access/OrganisationTree.ts";
import { documentAccess, type Principal } from "../access/policy.ts";
import { municipalityFigures } from "../http/figuresRoutes.ts";
import type { Services } from "../services.ts";
import type { DocumentRecord } from "../storage/DocumentStore.ts";
import { liveFigureText } from "./liveFigureText.ts";

/**
 * A document as it is exported now: its content from the live room (what
 * everyone editing it sees), the order once approved, whose order it is the
 * appendix of, its printed title, live figures at their current values. The
 * caller has checked that `principal` may read it.
 */
export async function exportModelFor(
  services: Services,
  principal: Principal,
  tree: OrganisationTree,
  record: DocumentRecord,
): Promise<ExportDocument> {
  const room = await services.rooms.open(record.id);
  const document = KartaDocument.open(room.doc);
  if (!document) throw new Error(`document ${record.id} has no known template`);
  const figures = await figuresOf(services, principal, tree, [
    ...new Set(liveFiguresOf(document).map((f) => f.organisationId)),
  ]);
  return exportModelOf(document, {
    title: printedDocumentTitle(document.template, record.title, record.year),
    authority: authorityOf(tree, record),
    order: record.status === "approved" ? record.order : null,
    figure: (ref) => liveFigureText(ref, figures.get(ref.organisationId) ?? null),
  });
}

/** «начальника управления образования администрации муниципального образования <name>», or a school's director. */
export function authorityOf(tree: OrganisationTree, record: DocumentRecord): string {
  const node = record.organisationId === null ? undefined : tree.get(record.organisationId);
  return appendixAuthority(node ?? { kind: "municipality", name: record.organisation });
}

/**
 * The figures of each municipality a document's live figures name, when the
 * reader may read that municipality's documents (the same rule as
 * GET /api/organisations/:id/figures); null otherwise, which prints «—».
 */
async function figuresOf(
  services: Services,
  principal: Principal,
  tree: OrganisationTree,
  organisationIds: readonly string[],
): Promise<Map<string, FiguresResponse | null>> {
  const found = new Map<string, FiguresResponse | null>();
  if (organisationIds.length === 0) return found;
  const organisations = await services.directory.listOrganisations();
  for (const id of organisationIds) {
    const node = tree.get(id);
    if (!node || node.kind === "school" || documentAccess(principal, tree, id) === "none") {
      found.set(id, null);
      continue;
    }
    const below = new Set(tree.subtree(id));
    const schools = organisations.filter((o) => o.kind === "school" && below.has(o.id));
    found.set(id, await municipalityFigures(services, id, schools));
  }
  return found;
}
