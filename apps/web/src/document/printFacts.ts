import { appendixAuthority } from "@karta/export/model";
import { type DocumentSummary, type DocumentTemplate, printedDocumentTitle } from "@karta/schema";
import type { PrintFacts } from "./DocumentParts.tsx";

/**
 * What a printout of the document says above its content, as the export does:
 * the form's title for the year, whose order it is the appendix of (the
 * municipality's education department, or the school's director), and the
 * approving order once there is one.
 */
export function printFactsOf(summary: DocumentSummary, template: DocumentTemplate): PrintFacts {
  return {
    title: printedDocumentTitle(template, summary.title, summary.year),
    authority: appendixAuthority({
      kind: template.scope === "school" ? "school" : "municipality",
      name: summary.organisation,
    }),
    order: summary.status === "approved" ? summary.order : null,
  };
}
