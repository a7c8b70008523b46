import { addProgress, emptyProgress, isMeasureTable, measureProgress, progressOf, statusesByYear } from "@karta/domain";
import {
  type DashboardDocument,
  type DashboardResponse,
  type DashboardSchool,
  getTemplate,
  type OverdueMeasure,
  RISK_FACTORS,
  riskProfile,
  type SchoolStatus,
  teacherDeficits,
  templates,
} from "@karta/schema";
import type { DocumentRecord } from "../storage/DocumentStore.ts";
import type { DocumentFacts } from "./documentFacts.ts";

/** The school documents' templates, in DOMAIN's order: the matrix's columns. */
const SCHOOL_TEMPLATES = templates.filter((t) => t.scope === "school");
const templateOrder = new Map(templates.map((t, index) => [t.id, index]));
/** One collator for every sort: `localeCompare` with a locale builds one per call, which a list of a thousand measures feels. */
const russian = new Intl.Collator("ru", { numeric: true });

export interface DashboardInput {
  readonly municipality: { readonly id: string; readonly name: string };
  readonly year: number;
  /** ISO date the progress is read on. */
  readonly asOf: string;
  /** Every school below the municipality, with its statuses by year. */
  readonly schools: readonly {
    readonly id: string;
    readonly name: string;
    readonly statuses: Readonly<Record<string, SchoolStatus>>;
  }[];
  /** The year's documents of the municipality and of its schools. */
  readonly documents: readonly DocumentRecord[];
  /** Each document's facts (the read model); a document without is counted as holding nothing. */
  readonly facts: ReadonlyMap<string, DocumentFacts>;
  /** Open comment threads per document. */
  readonly openComments: (docId: string) => number;
}

/**
 * «Мониторинг» of a municipality's year from the read model: a pure function,
 * so that what the dashboard says can be tested without a server.
 */
export function buildDashboard(input: DashboardInput): DashboardResponse {
  const { asOf } = input;
  const byOrganisation = new Map<string, DocumentRecord[]>();
  for (const record of [...input.documents].sort(byTemplateThenTitle)) {
    const list = byOrganisation.get(record.organisationId ?? "") ?? [];
    list.push(record);
    byOrganisation.set(record.organisationId ?? "", list);
  }
  const measuresOf = (record: DocumentRecord) => input.facts.get(record.id)?.measures ?? [];
  const documentJson = (record: DocumentRecord): DashboardDocument => {
    const measures = measuresOf(record);
    return {
      id: record.id,
      title: record.title,
      template: record.templateId,
      status: record.status,
      openComments: input.openComments(record.id),
      progress: measures.length > 0 || hasMeasureTable(record) ? progressOf(measures, asOf) : null,
    };
  };

  const schools: DashboardSchool[] = input.schools
    .filter((s) => s.statuses[String(input.year)] !== undefined || byOrganisation.has(s.id))
    .sort((a, b) => russian.compare(a.name, b.name))
    .map((school) => {
      const records = byOrganisation.get(school.id) ?? [];
      const documents = records.map(documentJson);
      return {
        id: school.id,
        name: school.name,
        status: school.statuses[String(input.year)] ?? null,
        documents,
        progress: documents.reduce((sum, d) => (d.progress ? addProgress(sum, d.progress) : sum), emptyProgress()),
        riskFactors: [
          ...new Set(
            records
              .filter((r) => r.templateId === riskProfile.id)
              .flatMap((r) => input.facts.get(r.id)?.riskFactors ?? []),
          ),
        ],
      };
    });

  const own = (byOrganisation.get(input.municipality.id) ?? []).map(documentJson);
  const deficitsRecord = (byOrganisation.get(input.municipality.id) ?? [])
    .filter((r) => r.templateId === teacherDeficits.id && input.facts.get(r.id)?.deficits)
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))[0];
  const deficits = deficitsRecord ? input.facts.get(deficitsRecord.id)?.deficits : null;
  const registry = statusesByYear(input.schools);

  return {
    organisation: input.municipality,
    year: input.year,
    asOf,
    columns: SCHOOL_TEMPLATES.map((t) => ({ template: t.id, title: t.title })),
    schools,
    municipality: {
      documents: own,
      progress: own.reduce((sum, d) => (d.progress ? addProgress(sum, d.progress) : sum), emptyProgress()),
    },
    progress: schools.reduce((sum, s) => addProgress(sum, s.progress), emptyProgress()),
    riskFactors: riskFactorsOf(schools),
    deficits: deficitsRecord && deficits ? { documentId: deficitsRecord.id, ...deficits } : null,
    shnorByYear: registry.years.map((year) => {
      const counts = registry.counts[year];
      return {
        year,
        shnor: counts?.shnor ?? 0,
        project500: counts?.project500 ?? 0,
        postProject: counts?.postProject ?? 0,
        left: counts?.left ?? 0,
      };
    }),
    overdue: overdueOf(input, byOrganisation),
  };
}

/** Whether the document's template has a table monitoring follows («Сроки» and a status). */
function hasMeasureTable(record: DocumentRecord): boolean {
  return getTemplate(record.templateId)?.tables.some(isMeasureTable) ?? false;
}

function byTemplateThenTitle(a: DocumentRecord, b: DocumentRecord): number {
  return (
    (templateOrder.get(a.templateId) ?? 99) - (templateOrder.get(b.templateId) ?? 99) ||
    russian.compare(a.title, b.title)
  );
}

/** The ten standard factors in their order, then any other chosen one, each with the schools that chose it. */
function riskFactorsOf(schools: readonly DashboardSchool[]): DashboardResponse["riskFactors"] {
  const factors: string[] = [...RISK_FACTORS];
  for (const school of schools) for (const f of school.riskFactors) if (!factors.includes(f)) factors.push(f);
  return factors.map((factor) => ({
    factor,
    schools: schools.filter((s) => s.riskFactors.includes(factor)).map((s) => ({ id: s.id, name: s.name })),
  }));
}

/** The «Сроки» column of a table: the cell an overdue measure's link selects. */
function periodColumnOf(templateId: string, tableId: string): string {
  const table = getTemplate(templateId)?.tables.find((t) => t.id === tableId);
  return table?.columns.find((c) => c.type.kind === "period")?.id ?? "period";
}

/** Overdue measures of every document, oldest deadline first. */
function overdueOf(
  input: DashboardInput,
  byOrganisation: ReadonlyMap<string, readonly DocumentRecord[]>,
): OverdueMeasure[] {
  const out: OverdueMeasure[] = [];
  for (const records of byOrganisation.values()) {
    for (const record of records) {
      for (const fact of input.facts.get(record.id)?.measures ?? []) {
        if (measureProgress(fact, input.asOf) !== "overdue" || fact.deadline === null) continue;
        out.push({
          documentId: record.id,
          documentTitle: record.title,
          organisationId: record.organisationId ?? "",
          organisation: record.organisation,
          table: fact.table,
          rowId: fact.rowId,
          column: periodColumnOf(record.templateId, fact.table),
          rowNumber: fact.number,
          measure: fact.measure,
          period: fact.period,
          status: fact.status,
          deadline: fact.deadline,
        });
      }
    }
  }
  return out.sort(
    (a, b) =>
      (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0) ||
      russian.compare(a.organisation, b.organisation) ||
      russian.compare(a.documentTitle, b.documentTitle) ||
      a.rowNumber - b.rowNumber,
  );
}
