import type { KartaDocument } from "@karta/doc";
import type { SectionTemplate } from "@karta/schema";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import { messages } from "../messages.ts";
import type { UserIdentity } from "../presence/identity.ts";
import type { FigureTarget } from "./liveFigure/FigureMenu.tsx";
import type { FiguresStores } from "./liveFigure/figuresStore.ts";
import { SectionHeading } from "./SectionHeading.tsx";
import "./sections.css";

/**
 * The editor (Tiptap, ProseMirror: a fifth of the app's code) comes in a chunk
 * of its own: a document's first screen, a table below folded sections, is
 * drawn without waiting for the browser to load and compile it.
 */
const SectionBody = lazy(() => import("./SectionBody.tsx").then((module) => ({ default: module.SectionBody })));

export interface SectionEditorProps {
  readonly document: KartaDocument;
  readonly section: SectionTemplate;
  /** The document's awareness, shared with the table and the other sections. */
  readonly awareness: Awareness;
  readonly identity: UserIdentity;
  readonly readOnly: boolean;
  readonly figures: FiguresStores;
  /** Set where live figures may be inserted (the analytic report). */
  readonly figureTarget: FigureTarget | null;
  /** Whether the section is folded to its title; undefined where sections do not fold. */
  readonly folded?: boolean;
  readonly onToggleFold?: () => void;
  /** The agreed text of each paragraph changed since agreement (null: unchanged or not agreed). */
  readonly agreedParagraphs?: readonly (string | null)[] | null;
}

/**
 * One rich-text section, written together: a Tiptap editor bound to the
 * section's Y.XmlFragment, colleagues' carets, and a toolbar while it may be
 * edited. Undo takes back only this person's edits in this section.
 */
export function SectionEditor({
  document,
  section,
  awareness,
  identity,
  readOnly,
  figures,
  figureTarget,
  folded,
  onToggleFold,
  agreedParagraphs = null,
}: SectionEditorProps) {
  const fragment = useMemo(() => document.section(section.id), [document, section.id]);
  const live = useLiveWhenShown(folded === true);
  const headingId = `section-${section.id}-title`;

  return (
    <section
      className="k-section"
      data-section={section.id}
      data-read-only={readOnly ? "true" : undefined}
      data-folded={folded ? "true" : undefined}
      data-changed={agreedParagraphs ? "true" : undefined}
      aria-labelledby={headingId}
    >
      {agreedParagraphs && (
        <span
          className="k-section-changed"
          data-testid="section-changed"
          title={messages.changes.sectionWas(agreedParagraphs.filter((t): t is string => t !== null))}
        >
          {messages.changes.sectionBadge}
        </span>
      )}
      <SectionHeading
        headingId={headingId}
        sectionId={section.id}
        title={section.title}
        fragment={fragment}
        folded={folded}
        onToggleFold={onToggleFold}
      />
      {live && (
        <Suspense fallback={<div className="k-section-body" aria-busy />}>
          <SectionBody
            fragment={fragment}
            section={section}
            awareness={awareness}
            identity={identity}
            readOnly={readOnly}
            figures={figures}
            figureTarget={figureTarget}
          />
        </Suspense>
      )}
    </section>
  );
}

/** How long a folded section may wait for an idle moment before its editor is made anyway. */
const FOLDED_EDITOR_AT_LATEST_MS = 2_000;

/**
 * Whether the section's editor exists: at once when it is shown; a folded
 * one's (its text is hidden) is made when the browser is next idle, so that a
 * document's first screen (a big table below folded sections) is drawn first.
 */
function useLiveWhenShown(folded: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (idle || !folded) return;
    if (typeof requestIdleCallback !== "function") {
      const timer = setTimeout(() => setIdle(true), 0);
      return () => clearTimeout(timer);
    }
    const id = requestIdleCallback(() => setIdle(true), { timeout: FOLDED_EDITOR_AT_LATEST_MS });
    return () => cancelIdleCallback(id);
  }, [idle, folded]);
  return idle || !folded;
}
