import type { KartaDocument } from "@karta/doc";
import { isMeasureTable, type MeasureFact, measureFacts } from "@karta/domain";
import { riskProfile, teacherDeficits } from "@karta/schema";
import type { PeriodDeadlines } from "./periodDeadlines.ts";

/** Bumped when what a document's facts hold changes: older stored facts are computed again. */
export const FACTS_VERSION = 1;

export interface DeficitCounts {
  readonly teachers: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
}

/**
 * What «Мониторинг» reads of one document's content, kept per document as it
 * changes (the read model), so that a dashboard never loads documents: its
 * measures with their deadlines, the risk factors a risk profile chose, the
 * deficits a teacher-deficits monitoring counts.
 */
export interface DocumentFacts {
  readonly version: typeof FACTS_VERSION;
  readonly measures: readonly MeasureFact[];
  /** A risk profile's factors marked «Выбран для антирисковой программы», in its order; null for other templates. */
  readonly riskFactors: readonly string[] | null;
  /** A teacher-deficits monitoring's counts summed over its subjects; null for other templates. */
  readonly deficits: DeficitCounts | null;
}

/**
 * The facts of a document for the year it is for (its «Сроки» are read in that
 * year), the texts' deadlines through `deadlines` (read ahead and remembered).
 */
export async function documentFactsOf(
  doc: KartaDocument,
  year: number,
  deadlines: PeriodDeadlines,
): Promise<DocumentFacts> {
  const followed = doc.template.tables.filter(isMeasureTable);
  // The rows as they are now: what is read after the texts are prepared is this one state.
  const rowsOf = new Map(followed.map((table) => [table.id, doc.table(table.id).rows()]));
  const texts = new Set<string>();
  for (const table of followed) {
    const period = table.columns.find((c) => c.type.kind === "period")?.id ?? "";
    for (const row of rowsOf.get(table.id) ?? []) {
      const text = row.cells[period];
      if (typeof text === "string") texts.add(text.trim());
    }
  }
  await deadlines.prepare(texts, year);
  const measures: MeasureFact[] = [];
  for (const table of followed) {
    const facts = measureFacts(table, rowsOf.get(table.id) ?? [], { year }, (text) => deadlines.deadline(text, year));
    measures.push(...(facts ?? []));
  }
  return {
    version: FACTS_VERSION,
    measures,
    riskFactors: doc.template.id === riskProfile.id ? chosenFactors(doc) : null,
    deficits: doc.template.id === teacherDeficits.id ? deficitCounts(doc) : null,
  };
}

/** Stored facts, or null when they are of another version (or unreadable): compute them again. */
export function parseFacts(json: string): DocumentFacts | null {
  try {
    const facts = JSON.parse(json) as DocumentFacts;
    return facts?.version === FACTS_VERSION ? facts : null;
  } catch {
    return null;
  }
}

function chosenFactors(doc: KartaDocument): string[] {
  return doc
    .table("factors")
    .rows()
    .filter((row) => row.cells.chosen === true && typeof row.cells.factor === "string")
    .map((row) => String(row.cells.factor).trim());
}

function deficitCounts(doc: KartaDocument): DeficitCounts {
  const sum = { teachers: 0, a: 0, b: 0, c: 0, d: 0 };
  for (const row of doc.table("subjects").rows()) {
    for (const key of ["teachers", "a", "b", "c", "d"] as const) {
      const value = row.cells[key];
      if (typeof value === "number") sum[key] += value;
    }
  }
  return sum;
}
