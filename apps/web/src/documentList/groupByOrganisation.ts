import { type DocumentSummary, getTemplate } from "@karta/schema";

export interface OrganisationGroup {
  readonly organisation: string;
  readonly documents: readonly DocumentSummary[];
}

const collator = new Intl.Collator("ru", { numeric: true, sensitivity: "base" });

/**
 * Documents grouped by organisation. Municipalities come first (their
 * roadmaps are what curators and methodists open most), then schools, each
 * part in alphabetical order with numbers sorted as numbers («СОШ № 2» before
 * «СОШ № 10»); inside a group the newest year first, then by title.
 */
export function groupByOrganisation(list: readonly DocumentSummary[]): OrganisationGroup[] {
  const groups = new Map<string, DocumentSummary[]>();
  for (const doc of list) {
    const key = doc.organisation.trim();
    const group = groups.get(key);
    if (group) group.push(doc);
    else groups.set(key, [doc]);
  }
  return [...groups.entries()]
    .sort(([a, docsA], [b, docsB]) => rank(docsA) - rank(docsB) || collator.compare(a, b))
    .map(([organisation, docs]) => ({
      organisation,
      documents: docs.sort((a, b) => b.year - a.year || collator.compare(a.title, b.title)),
    }));
}

function rank(docs: readonly DocumentSummary[]): number {
  return docs.some((d) => getTemplate(d.template)?.scope === "municipality") ? 0 : 1;
}
