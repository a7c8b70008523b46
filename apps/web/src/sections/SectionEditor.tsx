import type { KartaDocument } from "@karta/doc";
import type { SectionTemplate } from "@karta/schema";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useMemo, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import {
  SectionCommentBar,
  SectionCommentButton,
  useSectionComments,
  useSectionCommentsSource,
} from "../comments/SectionComments.tsx";
import { messages } from "../messages.ts";
import type { UserIdentity } from "../presence/identity.ts";
import type { FigureTarget } from "./liveFigure/FigureMenu.tsx";
import type { FiguresStores } from "./liveFigure/figuresStore.ts";
import { SectionHeading } from "./SectionHeading.tsx";
import { SectionToolbar } from "./SectionToolbar.tsx";
import { SectionAwareness } from "./sectionAwareness.ts";
import { sectionExtensions } from "./sectionExtensions.ts";
import "./sections.css";

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
        <SectionBody
          fragment={fragment}
          section={section}
          awareness={awareness}
          identity={identity}
          readOnly={readOnly}
          figures={figures}
          figureTarget={figureTarget}
        />
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

interface SectionBodyProps
  extends Pick<SectionEditorProps, "section" | "awareness" | "identity" | "readOnly" | "figures" | "figureTarget"> {
  readonly fragment: Y.XmlFragment;
}

/** The section's editor, its toolbar and its comments: everything under the title. */
function SectionBody({ fragment, section, awareness, identity, readOnly, figures, figureTarget }: SectionBodyProps) {
  const sectionAwareness = useMemo(() => new SectionAwareness(awareness, section.id), [awareness, section.id]);
  const hint = section.hint ?? messages.sections.placeholder;
  const commentsSource = useSectionCommentsSource(section.id, fragment);
  const editor = useEditor(
    {
      extensions: [
        ...sectionExtensions({
          fragment,
          awareness: sectionAwareness,
          user: identity,
          placeholder: hint,
          emptyReadOnly: messages.sections.readOnlyEmpty,
          figures,
        }),
        // Highlights of commented phrases (comments/): decorations, never part of the text.
        commentsSource.extension,
      ],
      editable: !readOnly,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          class: "k-section-text",
          "aria-label": section.title,
          "data-testid": `section-text-${section.id}`,
        },
      },
    },
    // The identity is announced by the presence store; the editor need not be rebuilt for it.
    [fragment, sectionAwareness, hint, figures, commentsSource],
  );
  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);
  const comments = useSectionComments(editor, commentsSource);

  return (
    <>
      {editor && !readOnly && (
        <SectionToolbar
          editor={editor}
          title={section.title}
          figures={figureTarget}
          comment={
            comments && (
              <SectionCommentButton editor={editor} page={comments} sectionId={section.id} fragment={fragment} />
            )
          }
        />
      )}
      {editor && readOnly && comments && (
        <SectionCommentBar
          editor={editor}
          page={comments}
          sectionId={section.id}
          fragment={fragment}
          title={section.title}
        />
      )}
      <EditorContent editor={editor} className="k-section-body" />
    </>
  );
}
