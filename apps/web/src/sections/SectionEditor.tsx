import type { KartaDocument } from "@karta/doc";
import type { SectionTemplate } from "@karta/schema";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useMemo } from "react";
import type { Awareness } from "y-protocols/awareness";
import { messages } from "../messages.ts";
import type { UserIdentity } from "../presence/identity.ts";
import type { FigureTarget } from "./liveFigure/FigureMenu.tsx";
import type { FiguresStores } from "./liveFigure/figuresStore.ts";
import { SectionToolbar } from "./SectionToolbar.tsx";
import { SectionAwareness } from "./sectionAwareness.ts";
import { sectionExtensions } from "./sectionExtensions.ts";

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
}: SectionEditorProps) {
  const fragment = useMemo(() => document.section(section.id), [document, section.id]);
  const sectionAwareness = useMemo(() => new SectionAwareness(awareness, section.id), [awareness, section.id]);
  const hint = section.hint ?? messages.sections.placeholder;
  const editor = useEditor(
    {
      extensions: sectionExtensions({
        fragment,
        awareness: sectionAwareness,
        user: identity,
        placeholder: hint,
        emptyReadOnly: messages.sections.readOnlyEmpty,
        figures,
      }),
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
    [fragment, sectionAwareness, hint, figures],
  );
  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);
  const headingId = `section-${section.id}-title`;

  return (
    <section
      className="k-section"
      data-section={section.id}
      data-read-only={readOnly ? "true" : undefined}
      aria-labelledby={headingId}
    >
      <h2 className="k-section-title" id={headingId}>
        {section.title}
      </h2>
      {editor && !readOnly && <SectionToolbar editor={editor} title={section.title} figures={figureTarget} />}
      <EditorContent editor={editor} className="k-section-body" />
    </section>
  );
}
