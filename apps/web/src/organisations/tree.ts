import type { Organisation, SessionInfo } from "@karta/schema";

const collator = new Intl.Collator("ru", { numeric: true, sensitivity: "base" });

/** Russian alphabetical order with numbers as numbers: «СОШ № 2» before «СОШ № 10». */
export function byName(a: { readonly name: string }, b: { readonly name: string }): number {
  return collator.compare(a.name, b.name);
}

/** The organisation and every one above it, nearest first. */
export function ancestorsOrSelf(list: readonly Organisation[], id: string): string[] {
  const byId = new Map(list.map((o) => [o.id, o]));
  const chain: string[] = [];
  let current = byId.get(id);
  while (current && !chain.includes(current.id)) {
    chain.push(current.id);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return chain;
}

/** The organisation and everything below it. */
export function subtree(list: readonly Organisation[], rootId: string): Set<string> {
  const found = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of list) {
      if (o.parentId !== null && found.has(o.parentId) && !found.has(o.id)) {
        found.add(o.id);
        grew = true;
      }
    }
  }
  return found;
}

/** Every organisation the coordinator manages: the subtrees of their coordinator grants. */
export function managedIds(list: readonly Organisation[], user: SessionInfo["user"]): Set<string> {
  const managed = new Set<string>();
  for (const root of user.managedOrganisationIds) for (const id of subtree(list, root)) managed.add(id);
  return managed;
}

/**
 * Where this user may create a document, as the server's policy listed it in
 * the session (`creatableOrganisationIds`), ordered for the form: region,
 * municipalities, then schools by name.
 */
export function creatableOrganisations(list: readonly Organisation[], user: SessionInfo["user"]): Organisation[] {
  const allowed = new Set(user.creatableOrganisationIds);
  return list.filter((o) => allowed.has(o.id)).sort((a, b) => kindRank(a) - kindRank(b) || byName(a, b));
}

/** Which organisations a template can belong to: a school's documents to schools, the rest to municipalities or regions. */
export function fitsScope(organisation: Organisation, scope: "school" | "municipality"): boolean {
  return (organisation.kind === "school") === (scope === "school");
}

const KIND_RANK = { region: 0, municipality: 1, school: 2 } as const;

function kindRank(o: Organisation): number {
  return KIND_RANK[o.kind];
}
