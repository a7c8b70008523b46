import type { DocumentStatus, DocumentSummary } from "@karta/schema";

export interface DocumentFilter {
  readonly status: DocumentStatus | "";
  readonly year: number | null;
  /** Words of the title, any case, all of them. */
  readonly query: string;
}

export const NO_FILTER: DocumentFilter = { status: "", year: null, query: "" };

/** The documents that fit the filter (the list is filtered here: the server sends all a person may read). */
export function filterDocuments<T extends Pick<DocumentSummary, "status" | "year" | "title">>(
  documents: readonly T[],
  filter: DocumentFilter,
): T[] {
  const words = filter.query.toLocaleLowerCase("ru").split(/\s+/).filter(Boolean);
  return documents.filter((doc) => {
    if (filter.status && doc.status !== filter.status) return false;
    if (filter.year !== null && doc.year !== filter.year) return false;
    const title = doc.title.toLocaleLowerCase("ru");
    return words.every((word) => title.includes(word));
  });
}

/** The years the list holds, newest first: the year filter's choices. */
export function yearsOf(documents: readonly Pick<DocumentSummary, "year">[]): number[] {
  return [...new Set(documents.map((d) => d.year))].sort((a, b) => b - a);
}
