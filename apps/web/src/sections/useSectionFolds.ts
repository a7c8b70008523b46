import { type KartaDocument, sectionSummary } from "@karta/doc";
import { useCallback, useState } from "react";
import { type FoldState, readFolds, saveFold, startsFolded } from "./sectionFolds.ts";

export interface SectionFolds {
  readonly folded: FoldState;
  readonly toggle: (sectionId: string) => void;
}

/**
 * Which sections of the document are folded. Decided once, when the page
 * opens: the person's stored choice, or `startsFolded` from what the section
 * holds then. A colleague writing in an open section never folds it away.
 */
export function useSectionFolds(docId: string, document: KartaDocument): SectionFolds {
  const initial = () => {
    const stored = readFolds(docId);
    const { sections, tables } = document.template;
    const entries = sections.map((section) => {
      const folded =
        stored[section.id] ??
        startsFolded({
          hasTable: tables.length > 0,
          sectionCount: sections.length,
          hasContent: sectionSummary(document.section(section.id)).hasContent,
        });
      return [section.id, folded] as const;
    });
    return { docId, folded: Object.fromEntries(entries) as FoldState };
  };
  const [state, setState] = useState(initial);
  // Another document in the same page: its own folds.
  const current = state.docId === docId ? state : initial();
  if (current !== state) setState(current);

  const toggle = useCallback(
    (sectionId: string) => {
      const folded = !current.folded[sectionId];
      saveFold(docId, sectionId, folded);
      setState({ docId, folded: { ...current.folded, [sectionId]: folded } });
    },
    [docId, current],
  );
  return { folded: current.folded, toggle };
}
