import { type AccessLevel, accessAtLeast, type Role, strongestAccess, type TransitionAction } from "@karta/schema";
import type { OrganisationTree } from "./OrganisationTree.ts";

/**
 * Every access decision of the product, in one place: who may edit, comment
 * on, read or manage what. HTTP routes and websocket upgrades ask here and
 * nowhere else, so a rule changes in one file (DOMAIN "Who works here").
 */

export interface Principal {
  readonly accountId: string;
  readonly login: string;
  readonly fullName: string;
  readonly grants: readonly { readonly role: Role; readonly organisationId: string }[];
  /** Schools this person is assigned to as a curator. */
  readonly curatedSchoolIds: readonly string[];
}

/**
 * A role granted on a node covers the node and what is below it. What it
 * allows depends on whether the document is a school's or the
 * municipality's (or region's):
 *
 * | role        | school document | municipal document |
 * |-------------|-----------------|--------------------|
 * | school_team | edit            | none               |
 * | methodist   | comment         | edit               |
 * | coordinator | comment         | edit               |
 * | viewer      | read            | read               |
 *
 * A curator's scope is not a node but the schools assigned to them: comment
 * on those schools' documents, nothing else. Nobody but the school team edits
 * school content: curators and the municipality comment, and agree later.
 */
const RULES: Record<Role, { school: AccessLevel; municipal: AccessLevel }> = {
  school_team: { school: "edit", municipal: "none" },
  methodist: { school: "comment", municipal: "edit" },
  coordinator: { school: "comment", municipal: "edit" },
  viewer: { school: "read", municipal: "read" },
  curator: { school: "none", municipal: "none" },
};

/** What `principal` may do with a document belonging to `organisationId`. */
export function documentAccess(
  principal: Principal,
  tree: OrganisationTree,
  organisationId: string | null,
): AccessLevel {
  if (organisationId === null) return "none";
  const node = tree.get(organisationId);
  if (!node) return "none";
  const above = tree.ancestorsOrSelf(organisationId);
  const kind = node.kind === "school" ? "school" : "municipal";
  const levels: AccessLevel[] = principal.grants
    .filter((g) => above.includes(g.organisationId))
    .map((g) => RULES[g.role][kind]);
  if (kind === "school" && principal.curatedSchoolIds.includes(organisationId)) levels.push("comment");
  return strongestAccess(levels);
}

/**
 * Who may resolve a comment thread: whoever opened it (their question was
 * answered) and the document's editors (the school team, who act on the
 * remark). Anyone who may comment may reopen one: asking for attention again
 * is never harmful, and nothing is lost by it.
 */
export function mayChangeThreadStatus(level: AccessLevel, isOpener: boolean, to: "open" | "resolved"): boolean {
  if (!accessAtLeast(level, "comment")) return false;
  return to === "open" || isOpener || level === "edit";
}

/**
 * Who moves a document along the agreement (DOMAIN "The yearly cycle", step 4):
 * its editors submit it; its reviewers (the school's assigned curator, and the
 * methodists and coordinators above it) return or agree it; a coordinator above
 * it records the approving order, and may take it back to черновик.
 */
export function mayTransition(
  principal: Principal,
  tree: OrganisationTree,
  organisationId: string | null,
  action: TransitionAction,
): boolean {
  if (organisationId === null || !tree.get(organisationId)) return false;
  const above = tree.ancestorsOrSelf(organisationId);
  const holds = (...roles: Role[]) =>
    principal.grants.some((g) => roles.includes(g.role) && above.includes(g.organisationId));
  switch (action) {
    case "submit":
      return documentAccess(principal, tree, organisationId) === "edit";
    case "return":
    case "agree":
      return principal.curatedSchoolIds.includes(organisationId) || holds("methodist", "coordinator");
    case "approve":
    case "reopen":
      return holds("coordinator");
  }
}

/**
 * Who may download a municipality's workbook of the year (every document of the
 * municipality and its schools, a sheet each; DOMAIN "The yearly cycle", step
 * 6): its coordinators, and a region's above it. Not its methodists or
 * viewers, who read documents one by one; never for a school or a region.
 */
export function mayExportWorkbook(principal: Principal, tree: OrganisationTree, organisationId: string): boolean {
  return tree.get(organisationId)?.kind === "municipality" && managedOrganisations(principal, tree).has(organisationId);
}

/** Organisations whose schools, people and roles this person manages: the subtrees of their coordinator grants. */
export function managedOrganisations(principal: Principal, tree: OrganisationTree): Set<string> {
  const managed = new Set<string>();
  for (const g of principal.grants)
    if (g.role === "coordinator") for (const id of tree.subtree(g.organisationId)) managed.add(id);
  return managed;
}

/**
 * Whether this person coordinates a root of the tree (a whole region): only
 * they also read the journal entries that belong to no organisation (sign-ins,
 * refused sockets of unknown rooms), which may concern anyone.
 */
export function managesTreeRoot(principal: Principal, tree: OrganisationTree): boolean {
  return principal.grants.some((g) => g.role === "coordinator" && tree.get(g.organisationId)?.parentId === null);
}

/** The coordinator grants' own nodes (not their subtrees), e.g. for showing "manages Славянский район". */
export function managedRoots(principal: Principal): string[] {
  return principal.grants.filter((g) => g.role === "coordinator").map((g) => g.organisationId);
}

/**
 * Who may create a document for an organisation: whoever may edit its
 * documents, and its coordinators (who set up each school's yearly documents).
 */
export function mayCreateDocument(principal: Principal, tree: OrganisationTree, organisationId: string): boolean {
  return (
    documentAccess(principal, tree, organisationId) === "edit" ||
    managedOrganisations(principal, tree).has(organisationId)
  );
}

/** Every organisation where this person may create a document, for the client's form. */
export function creatableOrganisations(principal: Principal, tree: OrganisationTree): string[] {
  return [...visibleOrganisations(principal, tree)].filter((id) => mayCreateDocument(principal, tree, id));
}

/**
 * The organisations this person sees in the registry: the subtrees of their
 * grants (a curator's grant gives none), their curated schools, and every
 * node above those, so that names and the tree read whole.
 */
export function visibleOrganisations(principal: Principal, tree: OrganisationTree): Set<string> {
  const visible = new Set<string>();
  const roots = [
    ...principal.grants.filter((g) => g.role !== "curator").map((g) => g.organisationId),
    ...principal.curatedSchoolIds,
  ];
  for (const root of roots) {
    for (const id of tree.subtree(root)) visible.add(id);
    for (const id of tree.ancestorsOrSelf(root)) visible.add(id);
  }
  return visible;
}

/**
 * Who keeps the registry of people without accounts (those named in
 * «Ответственные» who never sign in) of an organisation: the coordinators
 * above it, as for accounts. Anyone who sees the organisation may pick them.
 */
export function mayManageRegistryPerson(principal: Principal, tree: OrganisationTree, organisationId: string): boolean {
  return tree.get(organisationId) !== undefined && managedOrganisations(principal, tree).has(organisationId);
}

/** The roles that watch a municipality's year across its schools. */
const MONITORING_ROLES: readonly Role[] = ["coordinator", "methodist", "viewer"];

/**
 * Who sees a municipality's «Мониторинг» (every school's documents, progress
 * and overdue measures at once): its coordinators, methodists and viewers, and
 * those of the region above it. Not a curator, who follows the assigned
 * schools' documents, nor a school team; never for a school or a region.
 */
export function mayMonitor(principal: Principal, tree: OrganisationTree, municipalityId: string): boolean {
  if (tree.get(municipalityId)?.kind !== "municipality") return false;
  const above = tree.ancestorsOrSelf(municipalityId);
  return principal.grants.some((g) => MONITORING_ROLES.includes(g.role) && above.includes(g.organisationId));
}
