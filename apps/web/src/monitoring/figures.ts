/**
 * What the charts' chunk needs besides recharts, with no import of its own:
 * MonitoringCharts.tsx must not reach @karta/schema (zod), or the bundler
 * moves zod into a chunk shared with the start page that runs before
 * noEval.ts has told zod not to probe `eval` (a CSP violation).
 */

const numberFormat = new Intl.NumberFormat("ru-RU");

/** «1 234» (a no-break space groups thousands). */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** A name as shown: «№» keeps its number on the same line («МБОУ СОШ №\u00a05»). */
export function shownName(name: string): string {
  return name.replace(/№\s+/g, "№\u00a0");
}

/** The registry's statuses, in the order of the ШНОР list by year. */
export const SHNOR_STATUSES = ["shnor", "project500", "postProject", "left"] as const;

/** The four ways a measure stands, in the order the page shows them (MEASURE_PROGRESS of @karta/schema). */
export const PROGRESS_KEYS = ["done", "inProgress", "overdue", "planned"] as const;
