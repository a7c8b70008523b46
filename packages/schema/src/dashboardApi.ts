import { z } from "zod";
import { schoolStatus } from "./access.ts";
import { documentStatus } from "./workflow.ts";

/**
 * GET /api/organisations/:id/dashboard?year=: «Мониторинг», a municipality's
 * year across its schools, computed from the server's read model (facts kept
 * per document as it changes), never by loading every document per request.
 * Dates are ISO (YYYY-MM-DD); «today» is the server's date or `asOf=`.
 */

/**
 * Where a measure stands on `asOf`: `done` its status is «выполнено»; `overdue`
 * not done and its last deadline («Сроки») has passed; `inProgress` its status
 * is «в работе»; `planned` anything else (no status, «запланировано»,
 * «перенесено», «не выполнено» before its deadline).
 */
export const MEASURE_PROGRESS = ["done", "inProgress", "overdue", "planned"] as const;
export const measureProgress = z.enum(MEASURE_PROGRESS);
export type MeasureProgress = z.infer<typeof measureProgress>;

const count = z.number().int().min(0);

export const progressCounts = z.object({
  done: count,
  inProgress: count,
  overdue: count,
  planned: count,
  /** Every measure counted (the sum of the four). */
  total: count,
});
export type ProgressCounts = z.infer<typeof progressCounts>;

/** One document in the matrix: where it stands in the agreement and what its measures say. */
export const dashboardDocument = z.object({
  id: z.string(),
  title: z.string(),
  template: z.string(),
  status: documentStatus,
  /** Open comment threads. */
  openComments: count,
  /** Measures of its tables that have «Сроки» and a status (anti-risk programmes, the roadmap); null otherwise. */
  progress: progressCounts.nullable(),
});
export type DashboardDocument = z.infer<typeof dashboardDocument>;

export const dashboardSchool = z.object({
  id: z.string(),
  name: z.string(),
  /** The school's status in the registry that year (ШНОР, «500+», …), null when it has none. */
  status: schoolStatus.nullable(),
  /** Its documents of the year, in the order of the templates. */
  documents: z.array(dashboardDocument),
  /** The sum over its documents' measures. */
  progress: progressCounts,
  /** The risk factors its risk profile chose for anti-risk programmes. */
  riskFactors: z.array(z.string()),
});
export type DashboardSchool = z.infer<typeof dashboardSchool>;

/** An overdue measure, with what opens its cell in the app: /d/:documentId?table=&row=&column=. */
export const overdueMeasure = z.object({
  documentId: z.string(),
  documentTitle: z.string(),
  organisationId: z.string(),
  organisation: z.string(),
  table: z.string(),
  rowId: z.string(),
  /** The «Сроки» column, the cell the link selects. */
  column: z.string(),
  /** № of the row in its table. */
  rowNumber: z.number().int().min(1),
  measure: z.string(),
  period: z.string(),
  /** The cell's status text, null when empty. */
  status: z.string().nullable(),
  /** The last deadline that passed. */
  deadline: z.string(),
});
export type OverdueMeasure = z.infer<typeof overdueMeasure>;

export const dashboardResponse = z.object({
  organisation: z.object({ id: z.string(), name: z.string() }),
  year: z.number().int(),
  asOf: z.string(),
  /** The school documents' templates, the matrix's columns: id and title. */
  columns: z.array(z.object({ template: z.string(), title: z.string() })),
  /** Schools below the municipality with a status that year or a document of the year, by name. */
  schools: z.array(dashboardSchool),
  /** The municipality's own documents of the year (roadmap, monitoring, …) and their measures. */
  municipality: z.object({ documents: z.array(dashboardDocument), progress: progressCounts }),
  /** The schools' measures summed (the municipality's own are in `municipality.progress`). */
  progress: progressCounts,
  /** Each of the ten standard factors with the schools that chose it, in the official order. */
  riskFactors: z.array(
    z.object({ factor: z.string(), schools: z.array(z.object({ id: z.string(), name: z.string() })) }),
  ),
  /** Teacher deficits of the municipality's monitoring of the year (summed over subjects), null without one. */
  deficits: z.object({ documentId: z.string(), teachers: count, a: count, b: count, c: count, d: count }).nullable(),
  /** How many schools had each registry status, per year (every year any school has one). */
  shnorByYear: z.array(
    z.object({ year: z.number().int(), shnor: count, project500: count, postProject: count, left: count }),
  ),
  /** Overdue measures of the schools and the municipality, oldest deadline first. */
  overdue: z.array(overdueMeasure),
});
export type DashboardResponse = z.infer<typeof dashboardResponse>;
