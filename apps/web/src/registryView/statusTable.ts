import type { SchoolStatus, StatusesByYearResponse } from "@karta/schema";

export interface StatusTableRow {
  readonly schoolId: string;
  readonly name: string;
  /** One per year of the table, in its order. */
  readonly statuses: readonly (SchoolStatus | null)[];
}

/** The ШНОР list by year as a read-only table: schools × years, and the ШНОР count per year. */
export interface StatusTable {
  readonly years: readonly number[];
  readonly rows: readonly StatusTableRow[];
  /** «Всего ШНОР»: schools with status "shnor", one per year. */
  readonly shnorTotals: readonly number[];
}

/**
 * Builds the table of a document of `upToYear` from the registry's answer: the years up to the
 * document's own (a list «на 2024 год» does not show 2025), the schools that have a status in
 * one of them, in the server's order (by name), and the ШНОР count of each year.
 */
export function buildStatusTable(answer: StatusesByYearResponse, upToYear: number): StatusTable {
  const years = answer.years.filter((y) => y <= upToYear).sort((a, b) => a - b);
  const rows = answer.rows
    .map((row) => ({
      schoolId: row.schoolId,
      name: row.name,
      statuses: years.map((y) => row.byYear[String(y)] ?? null),
    }))
    .filter((row) => row.statuses.some((s) => s !== null));
  const shnorTotals = years.map((_, i) => rows.filter((row) => row.statuses[i] === "shnor").length);
  return { years, rows, shnorTotals };
}
