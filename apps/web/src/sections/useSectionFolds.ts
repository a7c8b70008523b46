import { type KartaDocument, sectionSummary } from "@karta/doc";
import { useCallback, useState } from "react";
import { type FoldState, openingFolds, readFolds, saveFold } from "./sectionFolds.ts";

export interface SectionFolds {
  readonly folded: FoldState;
  readonly toggle: (sectionId: string) => void;
}

/**
 * Which sections of the document are folded. Decided once, when the page
 * opens (openingFolds): the person's stored choice, or `startsFolded` from
 * what the section holds then. A colleague writing in an open section never folds it away.
 */
export function useSectionFolds(docId: string, document: KartaDocument): SectionFolds {
  const initial = () => {
    const { sections, tables } = document.template;
    const contents = sections.map((section) => ({
      id: section.id,
      hasContent: sectionSummary(document.section(section.id)).hasContent,
    }));
    return { docId, folded: openingFolds(readFolds(docId), tables.length > 0, contents) };
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
