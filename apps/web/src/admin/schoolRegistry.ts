import type { Organisation, SchoolStatus } from "@karta/schema";
import { byName } from "../organisations/tree.ts";

/** The first year of the ШНОР programme the registry shows a column for. */
export const FIRST_REGISTRY_YEAR = 2020;

/** The registry's year columns: from the programme's start to this year. */
export function registryYears(now: Date = new Date()): number[] {
  const last = Math.max(now.getFullYear(), FIRST_REGISTRY_YEAR);
  return Array.from({ length: last - FIRST_REGISTRY_YEAR + 1 }, (_, i) => FIRST_REGISTRY_YEAR + i);
}

export interface MunicipalityRegistry {
  readonly municipality: Organisation;
  readonly schools: readonly Organisation[];
}

/** The managed municipalities, each with its schools, by name. */
export function registryOf(list: readonly Organisation[], managed: ReadonlySet<string>): MunicipalityRegistry[] {
  return list
    .filter((o) => o.kind === "municipality" && managed.has(o.id))
    .sort(byName)
    .map((municipality) => ({
      municipality,
      schools: list.filter((o) => o.kind === "school" && o.parentId === municipality.id).sort(byName),
    }));
}

/** How many schools had a status in a year: «в 2020 году их было 8». */
export function countWithStatus(schools: readonly Organisation[], year: number, status: SchoolStatus): number {
  return schools.filter((s) => s.statuses[String(year)] === status).length;
}

/** A list with one organisation replaced by its newer copy (or added). */
export function withOrganisation(list: readonly Organisation[], changed: Organisation): Organisation[] {
  return list.some((o) => o.id === changed.id)
    ? list.map((o) => (o.id === changed.id ? changed : o))
    : [...list, changed];
}
