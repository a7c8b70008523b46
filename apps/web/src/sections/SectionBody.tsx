import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useMemo } from "react";
import type * as Y from "yjs";
import {
  SectionCommentBar,
  SectionCommentButton,
  useSectionComments,
  useSectionCommentsSource,
} from "../comments/SectionComments.tsx";
import { messages } from "../messages.ts";
import type { SectionEditorProps } from "./SectionEditor.tsx";
import { SectionToolbar } from "./SectionToolbar.tsx";
import { SectionAwareness } from "./sectionAwareness.ts";
import { sectionExtensions } from "./sectionExtensions.ts";

/** What SectionEditor hands down, and the section's own fragment of the document. */
export type SectionBodyProps = Pick<
  SectionEditorProps,
  "section" | "awareness" | "identity" | "readOnly" | "figures" | "figureTarget"
> & { readonly fragment: Y.XmlFragment };

/** The section's editor, its toolbar and its comments: everything under the title. */
export function SectionBody({
  fragment,
  section,
  awareness,
  identity,
  readOnly,
  figures,
  figureTarget,
}: SectionBodyProps) {
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
