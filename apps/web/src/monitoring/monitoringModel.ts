import {
  type DashboardDocument,
  type DashboardResponse,
  type DashboardSchool,
  MEASURE_PROGRESS,
  type MeasureProgress,
  type OverdueMeasure,
  type ProgressCounts,
  type SchoolStatus,
} from "@karta/schema";
import { formatOrderDate, statusText } from "../document/workflow.ts";
import { messages } from "../messages.ts";
import { byName } from "../organisations/tree.ts";
import { cellLinkPath } from "../router/cellLink.ts";
import { documentPath, PATHS } from "../router/routes.ts";
import { formatNumber, SHNOR_STATUSES, shownName } from "./figures.ts";
import {
  MONITORING_SECTIONS,
  type MonitoringQuery,
  monitoringPath,
  type SectionId,
  schoolAnchor,
} from "./monitoringQuery.ts";

/**
 * «Мониторинг» as the page shows it, computed from the server's answer
 * (`dashboardResponse`) and the page's filters: plain data with its words,
 * figures in Russian format and the link of every figure. No React here.
 */

const shareFormat = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 });

/** «55,2 %» of `part` in `total`; «—» when there is no total. */
export function formatShare(part: number, total: number): string {
  return total > 0 ? `${shareFormat.format((part / total) * 100)}\u00a0%` : "—";
}

/** «31.01.2022» from an ISO date. */
export function formatDate(iso: string): string {
  return formatOrderDate(iso);
}

/** The four ways a measure stands, in the order the page shows them. */
export const PROGRESS_ORDER: readonly MeasureProgress[] = MEASURE_PROGRESS;

export { formatNumber, SHNOR_STATUSES, shownName };

/** One of the four figures of a progress: its words, count, share and where it leads. */
export interface ProgressFigure {
  readonly key: MeasureProgress;
  readonly label: string;
  readonly count: number;
  readonly text: string;
  readonly share: string;
  readonly href: string;
}

function figuresOf(counts: ProgressCounts, hrefOf: (key: MeasureProgress) => string): ProgressFigure[] {
  return PROGRESS_ORDER.map((key) => ({
    key,
    label: messages.monitoring.progress[key] ?? key,
    count: counts[key],
    text: formatNumber(counts[key]),
    share: formatShare(counts[key], counts.total),
    href: hrefOf(key),
  }));
}

/**
 * The schools' measures summed: overdue leads to the overdue list (all of
 * it), the others to the per-school progress, where each school's count is a
 * link of its own.
 */
export function totalFigures(data: DashboardResponse, query: MonitoringQuery): ProgressFigure[] {
  const base = { ...query, school: null };
  return figuresOf(data.progress, (key) =>
    key === "overdue"
      ? monitoringPath(base, MONITORING_SECTIONS.overdue)
      : monitoringPath(base, MONITORING_SECTIONS.progress),
  );
}

/** One document in a cell of the matrix. */
export interface MatrixChip {
  readonly id: string;
  readonly href: string;
  readonly status: DashboardDocument["status"];
  readonly statusLabel: string;
  /** What tells it from the others of its column (an anti-risk programme's factor), or null. */
  readonly caption: string | null;
  readonly title: string;
  readonly openComments: number;
  readonly openCommentsLabel: string | null;
}

export interface MatrixCell {
  readonly template: string;
  readonly templateTitle: string;
  /** Empty: the school has no such document that year. */
  readonly chips: readonly MatrixChip[];
}

export interface MatrixRow {
  readonly id: string;
  readonly anchor: string;
  readonly name: string;
  readonly statusLabel: string | null;
  readonly status: SchoolStatus | null;
  readonly cells: readonly MatrixCell[];
}

/** The first «…» of a title, which names what one of several documents of a template is about. */
export function captionOf(title: string): string | null {
  const open = title.indexOf("«");
  const close = title.lastIndexOf("»");
  return open >= 0 && close > open + 1 ? title.slice(open + 1, close) : null;
}

export function chipOf(doc: DashboardDocument): MatrixChip {
  const statusLabel = statusText({ status: doc.status, order: null });
  return {
    id: doc.id,
    href: documentPath(doc.id),
    status: doc.status,
    statusLabel,
    caption: captionOf(doc.title),
    title: messages.monitoring.matrix.chipTitle(doc.title, statusLabel),
    openComments: doc.openComments,
    openCommentsLabel: doc.openComments > 0 ? messages.monitoring.matrix.openComments(doc.openComments) : null,
  };
}

/** Schools whose risk profile chose the factor (the filter of the matrix), all schools without one. */
function schoolsFor(data: DashboardResponse, factor: string | null): readonly DashboardSchool[] {
  if (factor === null) return data.schools;
  return data.schools.filter((s) => s.riskFactors.includes(factor));
}

/** Schools × the templates' columns: in each cell the school's documents of that template, by status. */
export function matrixRows(data: DashboardResponse, factor: string | null): MatrixRow[] {
  return schoolsFor(data, factor).map((school) => ({
    id: school.id,
    anchor: schoolAnchor(school.id),
    name: school.name,
    status: school.status,
    statusLabel: school.status ? (messages.schoolStatuses[school.status] ?? null) : null,
    cells: data.columns.map((column) => ({
      template: column.template,
      templateTitle: column.title,
      chips: school.documents.filter((d) => d.template === column.template).map(chipOf),
    })),
  }));
}

/** A factor of the filter that the answer knows (a stale link's factor filters nothing). */
export function knownFactor(data: DashboardResponse, factor: string | null): string | null {
  return factor !== null && data.riskFactors.some((f) => f.factor === factor) ? factor : null;
}

export interface SchoolProgressRow {
  readonly id: string;
  readonly name: string;
  readonly total: number;
  readonly totalText: string;
  readonly figures: readonly ProgressFigure[];
}

/**
 * Each school's measures: its overdue count opens the overdue list filtered
 * to the school; the others its row of the matrix (its documents).
 */
export function schoolProgressRows(data: DashboardResponse, query: MonitoringQuery): SchoolProgressRow[] {
  return data.schools.map((school) => ({
    id: school.id,
    name: school.name,
    total: school.progress.total,
    totalText: formatNumber(school.progress.total),
    figures: figuresOf(school.progress, (key) =>
      key === "overdue"
        ? monitoringPath({ ...query, school: school.id }, MONITORING_SECTIONS.overdue)
        : monitoringPath({ ...query, factor: null }, schoolAnchor(school.id)),
    ),
  }));
}

export interface MunicipalDocumentRow {
  readonly chip: MatrixChip;
  readonly title: string;
  /** Null for a document without measures that have «Сроки» and a status. */
  readonly figures: readonly ProgressFigure[] | null;
  readonly totalText: string | null;
}

/** The municipality's own documents; their figures open the document itself. */
export function municipalDocumentRows(data: DashboardResponse): MunicipalDocumentRow[] {
  return data.municipality.documents.map((doc) => ({
    chip: chipOf(doc),
    title: doc.title,
    figures: doc.progress ? figuresOf(doc.progress, () => documentPath(doc.id)) : null,
    totalText: doc.progress ? formatNumber(doc.progress.total) : null,
  }));
}

export interface RiskFactorBar {
  readonly factor: string;
  readonly count: number;
  readonly text: string;
  readonly schools: readonly { readonly id: string; readonly name: string }[];
  /** The matrix filtered to the schools that chose it. */
  readonly href: string;
}

export function riskFactorBars(data: DashboardResponse, query: MonitoringQuery): RiskFactorBar[] {
  return data.riskFactors.map((f) => ({
    factor: f.factor,
    count: f.schools.length,
    text: formatNumber(f.schools.length),
    schools: f.schools,
    href: monitoringPath({ ...query, factor: f.factor }, MONITORING_SECTIONS.matrix),
  }));
}

export interface DeficitLevel {
  readonly key: "a" | "b" | "c" | "d";
  readonly short: string;
  readonly label: string;
  readonly count: number;
  readonly text: string;
  readonly share: string;
}

export interface DeficitsView {
  readonly href: string;
  readonly teachersText: string;
  readonly levels: readonly DeficitLevel[];
}

/** The four levels of the municipality's monitoring of teacher deficits, shares of all its teachers. */
export function deficitsView(data: DashboardResponse): DeficitsView | null {
  const d = data.deficits;
  if (!d) return null;
  return {
    href: documentPath(d.documentId),
    teachersText: formatNumber(d.teachers),
    levels: (["a", "b", "c", "d"] as const).map((key) => ({
      key,
      short: messages.monitoring.deficits.short[key] ?? key,
      label: messages.monitoring.deficits.levels[key] ?? key,
      count: d[key],
      text: formatNumber(d[key]),
      share: formatShare(d[key], d.teachers),
    })),
  };
}

export interface ShnorYearRow {
  readonly year: number;
  readonly counts: Readonly<Record<(typeof SHNOR_STATUSES)[number], number>>;
  readonly texts: Readonly<Record<(typeof SHNOR_STATUSES)[number], string>>;
}

/** The registry's statuses per year, oldest first. */
export function shnorRows(data: DashboardResponse): ShnorYearRow[] {
  return [...data.shnorByYear]
    .sort((a, b) => a.year - b.year)
    .map((row) => ({
      year: row.year,
      counts: { shnor: row.shnor, project500: row.project500, postProject: row.postProject, left: row.left },
      texts: {
        shnor: formatNumber(row.shnor),
        project500: formatNumber(row.project500),
        postProject: formatNumber(row.postProject),
        left: formatNumber(row.left),
      },
    }));
}

/** «Школы», where the registry is kept. */
export const SCHOOLS_PATH = PATHS.schools;

export interface OverdueRow {
  readonly key: string;
  readonly organisationId: string;
  readonly organisation: string;
  readonly documentTitle: string;
  readonly rowNumber: number;
  readonly measure: string;
  readonly period: string;
  readonly status: string | null;
  readonly deadline: string;
  /** The document opened with the measure's «Сроки» cell selected. */
  readonly href: string;
}

export function overdueRow(m: OverdueMeasure): OverdueRow {
  return {
    key: `${m.documentId}/${m.table}/${m.rowId}`,
    organisationId: m.organisationId,
    organisation: m.organisation,
    documentTitle: m.documentTitle,
    rowNumber: m.rowNumber,
    measure: m.measure,
    period: m.period,
    status: m.status,
    deadline: formatDate(m.deadline),
    href: cellLinkPath(m.documentId, { table: m.table, row: m.rowId, column: m.column }),
  };
}

/** The overdue measures, those of one school (or of the municipality itself) when the filter names it. */
export function overdueRows(data: DashboardResponse, school: string | null): OverdueRow[] {
  return data.overdue.filter((m) => school === null || m.organisationId === school).map(overdueRow);
}

/** Who the overdue list can be filtered to: those with overdue measures, by name. */
export function overdueOrganisations(data: DashboardResponse): { readonly id: string; readonly name: string }[] {
  const seen = new Map<string, string>();
  for (const m of data.overdue) if (!seen.has(m.organisationId)) seen.set(m.organisationId, m.organisation);
  return [...seen].map(([id, name]) => ({ id, name })).sort(byName);
}

export type { SectionId };
