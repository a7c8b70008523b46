import type { SchoolStatus } from "@karta/schema";
import { sharePercent } from "../table/shares.ts";

export interface RegistrySchool {
  readonly id: string;
  readonly name: string;
  /** Status per year ("2022" → "shnor"). */
  readonly statuses: Readonly<Record<string, SchoolStatus>>;
}

export interface StatusesByYear {
  /** Every year any school has a status in, ascending. */
  readonly years: readonly number[];
  /** Schools that have a status in at least one year, by name. */
  readonly rows: readonly {
    readonly schoolId: string;
    readonly name: string;
    readonly byYear: Readonly<Record<number, SchoolStatus | null>>;
  }[];
  /** How many schools had each status, per year. */
  readonly counts: Readonly<Record<number, Readonly<Record<SchoolStatus, number>>>>;
}

const byName = new Intl.Collator("ru", { numeric: true });

/**
 * The ШНОР list by year (DOMAIN §8), derived from the registry instead of
 * retyped, so "в 2020 году их было 8, в 2024 году одна" is a count.
 */
export function statusesByYear(schools: readonly RegistrySchool[]): StatusesByYear {
  const years = [...new Set(schools.flatMap((s) => Object.keys(s.statuses).map(Number)))].sort((a, b) => a - b);
  const rows = schools
    .filter((s) => Object.keys(s.statuses).length > 0)
    .map((s) => ({
      schoolId: s.id,
      name: s.name,
      byYear: Object.fromEntries(years.map((y) => [y, s.statuses[String(y)] ?? null])),
    }))
    .sort((a, b) => byName.compare(a.name, b.name));
  const counts = Object.fromEntries(
    years.map((y) => {
      const tally: Record<SchoolStatus, number> = { shnor: 0, project500: 0, postProject: 0, left: 0 };
      for (const s of schools) {
        const status = s.statuses[String(y)];
        if (status) tally[status]++;
      }
      return [y, tally];
    }),
  );
  return { years, rows, counts };
}

/** Schools in the ШНОР list of a year. */
export function shnorCount(schools: readonly RegistrySchool[], year: number): number {
  return schools.filter((s) => s.statuses[String(year)] === "shnor").length;
}

/** ШНОР as a share of all the territory's schools (16 of 29 → 55,2 %); null without schools. */
export function shnorShare(schools: readonly RegistrySchool[], year: number): number | null {
  return sharePercent(shnorCount(schools, year), schools.length);
}
