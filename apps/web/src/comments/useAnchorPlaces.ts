import type { KartaDocument, ThreadView } from "@karta/doc";
import { useEffect, useMemo, useRef, useState } from "react";
import { type AnchorContext, type AnchorPlace, describeAnchor } from "./anchorText.ts";
import { textAnchorGone } from "./textAnchorGone.ts";

/** The document now, as describing anchors needs it. */
export function anchorContextOf(document: KartaDocument): AnchorContext {
  const { template } = document;
  const several = template.tables.length > 1;
  return {
    tableTitle: (tableId) => (several ? (template.tables.find((t) => t.id === tableId)?.title ?? null) : null),
    columnTitle: (tableId, columnId) =>
      template.tables.find((t) => t.id === tableId)?.columns.find((c) => c.id === columnId)?.title ?? null,
    rowNumber: (tableId, rowId) => {
      if (!template.tables.some((t) => t.id === tableId)) return null;
      return (
        document
          .table(tableId)
          .rows()
          .find((r) => r.id === rowId)?.number ?? null
      );
    },
    sectionTitle: (sectionId) => template.sections.find((s) => s.id === sectionId)?.title ?? null,
    textGone: (anchor) => textAnchorGone(document.ydoc, anchor),
  };
}

/**
 * Each thread's place, kept up to date as the content changes (a row moved
 * or deleted, a phrase removed); the same map while nothing it says changed.
 */
export function useAnchorPlaces(
  document: KartaDocument | null,
  threads: readonly ThreadView[],
): ReadonlyMap<string, AnchorPlace> {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!document) return;
    const bump = () => setVersion((v) => v + 1);
    document.ydoc.on("update", bump);
    return () => document.ydoc.off("update", bump);
  }, [document]);
  const previous = useRef<{ signature: string; places: ReadonlyMap<string, AnchorPlace> } | null>(null);
  return useMemo(() => {
    void version;
    const places = new Map<string, AnchorPlace>();
    if (document) {
      const context = anchorContextOf(document);
      for (const thread of threads) places.set(thread.id, describeAnchor(thread.anchor, context));
    }
    const signature = JSON.stringify([...places]);
    if (previous.current?.signature === signature) return previous.current.places;
    previous.current = { signature, places };
    return places;
  }, [document, threads, version]);
}
