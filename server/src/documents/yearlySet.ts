import {
  antiRiskProgramme,
  type DocumentTemplate,
  municipalRoadmap,
  type SchoolStatus,
  templates,
  WRITING_STATUSES,
} from "@karta/schema";
import type { OrganisationRecord } from "../storage/DirectoryStore.ts";
import type { DocumentRecord } from "../storage/DocumentStore.ts";

/**
 * One per organisation per year, created by the coordinator for the whole
 * territory at once. Anti-risk programmes are not here: they come one per
 * factor chosen in the risk profile.
 */
const YEARLY_SCHOOL_TEMPLATES = ["risk-profile", "development-concept", "development-programme"];
const YEARLY_MUNICIPAL_TEMPLATES = templates.filter((t) => t.scope === "municipality").map((t) => t.id);

/**
 * Columns whose values are the year's own: a document started from last
 * year's (`copyFrom`) leaves them empty. An anti-risk programme's measures
 * are carried, whether they were done that year is not.
 */
export const THIS_YEAR_COLUMNS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  [antiRiskProgramme.id]: { measures: ["status", "doneNote"] },
  [municipalRoadmap.id]: { measures: ["status"] },
};

/** The document of one template, organisation and year, if there is one (the oldest, should there be two). */
export function documentOfYear(
  documents: readonly DocumentRecord[],
  templateId: string,
  organisationId: string,
  year: number,
): DocumentRecord | undefined {
  return documents
    .filter((d) => d.templateId === templateId && d.organisationId === organisationId && d.year === year)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
}

export interface PlannedDocument {
  readonly template: DocumentTemplate;
  readonly organisation: OrganisationRecord;
  readonly title: string;
}

/** The documents of `year` that the registry says should exist and do not yet. */
export function plannedYearlyDocuments(
  municipality: OrganisationRecord,
  schools: readonly OrganisationRecord[],
  existing: readonly DocumentRecord[],
  year: number,
): { planned: PlannedDocument[]; existing: number } {
  return plan(
    [
      ...YEARLY_MUNICIPAL_TEMPLATES.map((templateId) => ({ organisation: municipality, templateId })),
      ...schools
        .filter((s) => WRITING_STATUSES.includes(s.statuses[String(year)] as SchoolStatus))
        .flatMap((organisation) => YEARLY_SCHOOL_TEMPLATES.map((templateId) => ({ organisation, templateId }))),
    ],
    existing,
    year,
  );
}

/**
 * One school's documents of `year` that do not exist yet, whatever its status: the
 * coordinator asks for them by hand (a school added to the list during the year).
 */
export function plannedSchoolDocuments(
  school: OrganisationRecord,
  existing: readonly DocumentRecord[],
  year: number,
): { planned: PlannedDocument[]; existing: number } {
  return plan(
    YEARLY_SCHOOL_TEMPLATES.map((templateId) => ({ organisation: school, templateId })),
    existing,
    year,
  );
}

function plan(
  wanted: readonly { organisation: OrganisationRecord; templateId: string }[],
  existing: readonly DocumentRecord[],
  year: number,
): { planned: PlannedDocument[]; existing: number } {
  const has = new Set(existing.filter((d) => d.year === year).map((d) => `${d.organisationId}|${d.templateId}`));
  const planned: PlannedDocument[] = [];
  let already = 0;
  for (const { organisation, templateId } of wanted) {
    if (has.has(`${organisation.id}|${templateId}`)) {
      already++;
      continue;
    }
    const template = templates.find((t) => t.id === templateId) as DocumentTemplate;
    planned.push({ template, organisation, title: `${template.title} на ${year} год` });
  }
  return { planned, existing: already };
}
