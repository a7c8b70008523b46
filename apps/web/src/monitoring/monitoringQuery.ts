import type { DocumentSummary, Organisation, SessionInfo } from "@karta/schema";
import { ancestorsOrSelf, byName, subtree } from "../organisations/tree.ts";
import { PATHS } from "../router/routes.ts";

/**
 * What «Мониторинг» shows, as its address says it, so that a link can be
 * shared: `/monitoring?organisation=<municipality>&year=<year>`, with the
 * page's filters (`school`: the overdue list of one school or of the
 * municipality itself; `factor`: the matrix's schools that chose a risk
 * factor) and, after `#`, the section to scroll to.
 */
export interface MonitoringQuery {
  readonly organisation: string | null;
  readonly year: number | null;
  readonly school: string | null;
  readonly factor: string | null;
}

/** The sections' element ids: where the figures' links lead. */
export const MONITORING_SECTIONS = {
  totals: "totals",
  matrix: "matrix",
  progress: "progress",
  municipality: "municipality",
  riskFactors: "risk-factors",
  deficits: "deficits",
  shnor: "shnor",
  overdue: "overdue",
} as const;

export type SectionId = (typeof MONITORING_SECTIONS)[keyof typeof MONITORING_SECTIONS];

/** The element id of a school's row in the matrix. */
export function schoolAnchor(schoolId: string): string {
  return `school-${schoolId}`;
}

const YEAR = /^\d{4}$/;

export function parseMonitoringQuery(search: string): MonitoringQuery {
  const query = new URLSearchParams(search);
  const text = (name: string) => {
    const value = query.get(name)?.trim();
    return value ? value : null;
  };
  const year = text("year");
  return {
    organisation: text("organisation"),
    year: year !== null && YEAR.test(year) ? Number(year) : null,
    school: text("school"),
    factor: text("factor"),
  };
}

/** The page's address for a query (empty parts left out) and, optionally, a section or row to scroll to. */
export function monitoringPath(query: Partial<MonitoringQuery>, anchor?: string): string {
  const params = new URLSearchParams();
  if (query.organisation) params.set("organisation", query.organisation);
  if (query.year !== null && query.year !== undefined) params.set("year", String(query.year));
  if (query.school) params.set("school", query.school);
  if (query.factor) params.set("factor", query.factor);
  const search = params.toString();
  return `${PATHS.monitoring}${search ? `?${search}` : ""}${anchor ? `#${anchor}` : ""}`;
}

/** The roles that may look at a municipality's «Мониторинг» (the server decides; this picks what to offer). */
export const MONITORING_ROLES: ReadonlySet<string> = new Set(["coordinator", "methodist", "viewer"]);

/** Whether the session has a role that may monitor something: the nav item «Мониторинг». */
export function mayMonitor(user: SessionInfo["user"]): boolean {
  return user.roles.some((r) => MONITORING_ROLES.has(r.role));
}

/**
 * The municipalities this person may monitor: those with a coordinator's,
 * methodist's or viewer's role on them or above them, by name.
 */
export function monitoredMunicipalities(list: readonly Organisation[], user: SessionInfo["user"]): Organisation[] {
  const grantedOn = new Set(user.roles.filter((r) => MONITORING_ROLES.has(r.role)).map((r) => r.organisationId));
  return list
    .filter((o) => o.kind === "municipality" && ancestorsOrSelf(list, o.id).some((id) => grantedOn.has(id)))
    .sort(byName);
}

/** The years with documents of the municipality or of its schools, newest first. */
export function yearsWithDocuments(
  documents: readonly Pick<DocumentSummary, "organisationId" | "year">[],
  organisations: readonly Organisation[],
  municipalityId: string,
): number[] {
  const inside = subtree(organisations, municipalityId);
  return [...new Set(documents.filter((d) => inside.has(d.organisationId)).map((d) => d.year))].sort((a, b) => b - a);
}

/**
 * The year to show when the address names none: the one chosen last on this
 * device for that municipality, if it still has documents or nothing else
 * does; else the latest year with documents; else the current year.
 */
export function defaultYear(years: readonly number[], remembered: number | null, now: Date = new Date()): number {
  if (remembered !== null && (years.length === 0 || years.includes(remembered))) return remembered;
  return years[0] ?? now.getFullYear();
}

/** The years the select offers: those with documents and the one shown, newest first. */
export function yearChoices(years: readonly number[], shown: number): number[] {
  return [...new Set([...years, shown])].sort((a, b) => b - a);
}

/** The part of `Storage` used here (localStorage in the browser, a Map in tests). */
export interface ChoiceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Remembered on this device: the municipality looked at last, and the year per municipality. */
const KEY = "karta.monitoring.v1";

interface Remembered {
  readonly organisation: string | null;
  readonly years: Readonly<Record<string, number>>;
}

function browserStorage(): ChoiceStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function read(storage: ChoiceStorage | null): Remembered {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? "null");
    if (typeof parsed !== "object" || parsed === null) return { organisation: null, years: {} };
    const { organisation, years } = parsed as { organisation?: unknown; years?: unknown };
    const yearEntries =
      typeof years === "object" && years !== null
        ? Object.entries(years).filter((e): e is [string, number] => Number.isInteger(e[1]))
        : [];
    return {
      organisation: typeof organisation === "string" ? organisation : null,
      years: Object.fromEntries(yearEntries),
    };
  } catch {
    return { organisation: null, years: {} };
  }
}

export function rememberedChoice(
  organisation: string | null,
  storage: ChoiceStorage | null = browserStorage(),
): { readonly organisation: string | null; readonly year: number | null } {
  const remembered = read(storage);
  const org = organisation ?? remembered.organisation;
  return { organisation: remembered.organisation, year: org === null ? null : (remembered.years[org] ?? null) };
}

/** Remembers the municipality and year shown (a person's own choice on this device). */
export function rememberChoice(
  organisation: string,
  year: number,
  storage: ChoiceStorage | null = browserStorage(),
): void {
  const remembered = read(storage);
  try {
    storage?.setItem(KEY, JSON.stringify({ organisation, years: { ...remembered.years, [organisation]: year } }));
  } catch {
    // Storage full or disabled: the choice lasts as long as the page.
  }
}
