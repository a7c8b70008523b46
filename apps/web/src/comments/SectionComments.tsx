import { type Editor, Extension } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { useEditorState } from "@tiptap/react";
import { useEffect, useMemo, useState } from "react";
import type * as Y from "yjs";
import { messages } from "../messages.ts";
import "./comments.css";
import { CommentIcon } from "./CommentIcon.tsx";
import { commentHighlightsPlugin, refreshCommentHighlights } from "./commentHighlights.ts";
import { type CommentsPage, useCommentsPage } from "./commentsPage.ts";
import type { SectionHandle } from "./commentsUi.ts";
import { resolveTextRange, textAnchorOf } from "./textAnchors.ts";

/**
 * The page's comments as one section's editor sees them. The editor is
 * created with the highlights' extension (`commentHighlights`), before the
 * page's comments may be there: the plugin reads them from here. (A plugin
 * added to a running editor would rebuild every plugin view, and y-tiptap's
 * undo plugin destroys its undo manager when its view goes.)
 */
export interface SectionCommentsSource {
  readonly sectionId: string;
  readonly fragment: Y.XmlFragment;
  /** The highlights of commented phrases; goes with the editor's other extensions. */
  readonly extension: Extension;
  page: CommentsPage | null;
}

/** The source and highlights' extension of one section's editor (the same for as long as its fragment). */
export function useSectionCommentsSource(sectionId: string, fragment: Y.XmlFragment): SectionCommentsSource {
  return useMemo(() => {
    const source: SectionCommentsSource = {
      sectionId,
      fragment,
      page: null,
      extension: Extension.create({
        name: "kartaCommentHighlights",
        addProseMirrorPlugins: () => [
          commentHighlightsPlugin({
            section: sectionId,
            fragment,
            threads: () => source.page?.connection.getSnapshot().threads ?? [],
            activeThreadId: () => source.page?.ui.getState().activeThreadId ?? null,
            onOpen: (threadId) => source.page?.ui.openPopover({ kind: "thread", threadId }),
          }),
        ],
      }),
    };
    return source;
  }, [sectionId, fragment]);
}

/**
 * Comments in one section's editor: the commented phrases highlighted
 * (recomputed when the threads or the thread looked at change), and the
 * section registered with the page to show and select a thread's phrase.
 * Returns the page's comments (null outside a document page).
 */
export function useSectionComments(editor: Editor | null, source: SectionCommentsSource): CommentsPage | null {
  const page = useCommentsPage();
  useEffect(() => {
    if (!page || !editor) return;
    const { sectionId, fragment } = source;
    const mounted = () => !editor.isDestroyed;
    const refresh = () => {
      if (mounted()) refreshCommentHighlights(editor.view);
    };
    source.page = page;
    refresh();
    // Mounted later (or again): the plugin's first decorations were computed before.
    editor.on("mount", refresh);

    let threads = page.connection.getSnapshot().threads;
    let active = page.ui.getState().activeThreadId;
    const stopThreads = page.connection.subscribe(() => {
      const next = page.connection.getSnapshot().threads;
      if (next === threads) return;
      threads = next;
      refresh();
    });
    const stopUi = page.ui.subscribe(() => {
      const next = page.ui.getState().activeThreadId;
      if (next === active) return;
      active = next;
      refresh();
    });

    const handle: SectionHandle = {
      get element() {
        return mounted() ? (editor.view.dom.closest<HTMLElement>(".k-section") ?? editor.view.dom) : null;
      },
      rectOf: (anchor) => {
        if (!mounted()) return null;
        const range = resolveTextRange(editor.state, fragment, anchor);
        if (!range) return null;
        const start = editor.view.coordsAtPos(range.from);
        const end = editor.view.coordsAtPos(range.to, -1);
        // From the phrase's first character to its last line's bottom.
        return new DOMRect(
          start.left,
          start.top,
          Math.max(end.right - start.left, 1),
          Math.max(end.bottom - start.top, 1),
        );
      },
      select: (anchor) => {
        if (!mounted()) return false;
        const range = resolveTextRange(editor.state, fragment, anchor);
        // A folded section (sections/SectionHeading.tsx) opens first; its text is laid out a frame later.
        const fold = handle.element?.querySelector<HTMLButtonElement>('.k-section-fold[aria-expanded="false"]');
        fold?.click();
        if (!range) {
          handle.element?.scrollIntoView({ block: "center" });
          return false;
        }
        if (fold) requestAnimationFrame(() => mounted() && selectRange(editor, range.from, range.to));
        else selectRange(editor, range.from, range.to);
        return true;
      },
    };
    const unregister = page.ui.registerSection(sectionId, handle);

    return () => {
      editor.off("mount", refresh);
      stopThreads();
      stopUi();
      unregister();
      if (source.page === page) source.page = null;
      refresh();
    };
  }, [page, editor, source]);
  return page;
}

/** Selects a phrase and scrolls to it, in an editable editor or a read-only one (where the DOM holds the selection). */
function selectRange(editor: Editor, from: number, to: number): void {
  const { view } = editor;
  if (editor.isEditable) {
    editor.chain().focus().setTextSelection({ from, to }).scrollIntoView().run();
    return;
  }
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)));
  const start = view.domAtPos(from);
  const end = view.domAtPos(to);
  window.getSelection()?.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
  const element = start.node instanceof Element ? start.node : start.node.parentElement;
  element?.scrollIntoView({ block: "center" });
}

interface SectionCommentProps {
  readonly editor: Editor;
  readonly page: CommentsPage;
  readonly sectionId: string;
  readonly fragment: Y.XmlFragment;
}

/** Opens the form for a new thread on the phrase selected in the editor. */
function commentSelection({ editor, page, sectionId, fragment }: SectionCommentProps): void {
  const { from, to } = editor.state.selection;
  const anchor = textAnchorOf(editor.state, fragment, sectionId, from, to);
  if (anchor) page.ui.openPopover({ kind: "draft", anchor });
}

/** «Комментировать» in the section's toolbar (for those who edit): enabled while a phrase is selected. */
export function SectionCommentButton(props: SectionCommentProps) {
  const empty = useEditorState({ editor: props.editor, selector: ({ editor: e }) => e.state.selection.empty });
  if (!props.page.canComment) return null;
  return (
    <button
      type="button"
      className="k-stool k-stool-comment"
      title={messages.comments.commentTextHint}
      aria-label={messages.comments.commentTextHint}
      disabled={empty}
      data-testid="comment-selection"
      // Keep the selection in the text: the new thread is anchored to it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => commentSelection(props)}
    >
      <CommentIcon />
    </button>
  );
}

/**
 * For those who comment but do not edit (a curator): the editor is not
 * editable and shows no toolbar, so selecting a phrase shows this small bar
 * with «Комментировать» above the section.
 */
export function SectionCommentBar(props: SectionCommentProps & { readonly title: string }) {
  const { editor, page } = props;
  const [selected, setSelected] = useState(false);
  useEffect(() => {
    const onSelectionChange = () => {
      const selection = window.getSelection();
      const dom = editor.isDestroyed ? null : editor.view.dom;
      setSelected(
        !!selection &&
          !!dom &&
          !selection.isCollapsed &&
          dom.contains(selection.anchorNode) &&
          dom.contains(selection.focusNode),
      );
    };
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [editor]);
  if (!page.canComment || !selected) return null;
  const comment = () => {
    // ProseMirror follows the DOM selection in a read-only editor too; read it from the DOM to be sure.
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed && selection.anchorNode && selection.focusNode) {
      try {
        const a = editor.view.posAtDOM(selection.anchorNode, selection.anchorOffset);
        const b = editor.view.posAtDOM(selection.focusNode, selection.focusOffset);
        const { view } = editor;
        view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, Math.min(a, b), Math.max(a, b))));
      } catch {
        // Outside the editor's content: keep the editor's own selection.
      }
    }
    commentSelection(props);
  };
  return (
    <div className="k-section-comment-bar" role="toolbar" aria-label={messages.comments.selectionToolbar(props.title)}>
      <button
        type="button"
        className="k-stool k-stool-comment"
        title={messages.comments.commentTextHint}
        data-testid="comment-selection"
        onMouseDown={(event) => event.preventDefault()}
        onClick={comment}
      >
        <CommentIcon />
        <span className="k-stool-text">{messages.comments.comment}</span>
      </button>
    </div>
  );
}
