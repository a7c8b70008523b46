import { type DocumentSummary, documentSummary } from "@karta/schema";

/**
 * The last list of documents seen, kept in localStorage so that a document
 * opened offline still shows its title and organisation in the header.
 */
const KEY = "karta.documents.v1";
const cached = documentSummary.array();

export function rememberDocuments(list: readonly DocumentSummary[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Storage full or disabled: the header falls back to the template title.
  }
}

export function rememberDocument(summary: DocumentSummary): void {
  rememberDocuments([summary, ...recallDocuments().filter((d) => d.id !== summary.id)]);
}

export function recallDocuments(): DocumentSummary[] {
  try {
    const parsed = cached.safeParse(JSON.parse(localStorage.getItem(KEY) ?? "[]"));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function forgetDocuments(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}
