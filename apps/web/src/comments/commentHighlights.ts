import type { TextAnchor, ThreadView } from "@karta/doc";
import { type EditorState, Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { resolveTextRange, type TextRange } from "./textAnchors.ts";

/** An open thread's phrase where it stands now in the editor. */
export interface HighlightedRange extends TextRange {
  readonly threadId: string;
  /** The thread someone is looking at (popover or panel): drawn stronger. */
  readonly active: boolean;
}

/**
 * The phrases to highlight in one section: every open thread anchored there
 * whose text is still there (a detached one, its text removed, is left to the
 * discussion panel), in document order.
 */
export function highlightRanges(
  threads: readonly ThreadView[],
  section: string,
  activeThreadId: string | null,
  resolve: (anchor: TextAnchor) => TextRange | null,
): HighlightedRange[] {
  const ranges: HighlightedRange[] = [];
  for (const thread of threads) {
    const { anchor } = thread;
    if (anchor.kind !== "text" || anchor.section !== section || thread.status !== "open") continue;
    const range = resolve(anchor);
    if (range && range.from < range.to)
      ranges.push({ ...range, threadId: thread.id, active: thread.id === activeThreadId });
  }
  return ranges.sort((a, b) => a.from - b.from || a.to - b.to);
}

export const commentHighlightsKey = new PluginKey<DecorationSet>("kartaCommentHighlights");

export interface CommentHighlightsOptions {
  readonly section: string;
  readonly fragment: Y.XmlFragment;
  /** The document's threads now. */
  readonly threads: () => readonly ThreadView[];
  /** The thread being looked at, if any. */
  readonly activeThreadId: () => string | null;
  /** A click on a highlighted phrase (without selecting text): show its thread. */
  readonly onOpen: (threadId: string) => void;
}

/**
 * Highlights commented phrases for everyone: decorations computed from the
 * threads' relative positions, never marks in the content (a read-only
 * curator comments without changing the text). Recomputed when the threads
 * change (`refreshCommentHighlights`) and when a colleague's edit arrives;
 * one's own edits just move them along.
 */
export function commentHighlightsPlugin(options: CommentHighlightsOptions): Plugin<DecorationSet> {
  const compute = (state: EditorState): DecorationSet =>
    DecorationSet.create(
      state.doc,
      highlightRanges(options.threads(), options.section, options.activeThreadId(), (anchor) =>
        resolveTextRange(state, options.fragment, anchor),
      ).map((range) =>
        Decoration.inline(
          range.from,
          range.to,
          {
            class: range.active ? "k-comment-range k-comment-range-active" : "k-comment-range",
            "data-thread-id": range.threadId,
          },
          { threadId: range.threadId },
        ),
      ),
    );
  return new Plugin<DecorationSet>({
    key: commentHighlightsKey,
    state: {
      init: (_config, state) => compute(state),
      apply: (tr, decorations, _before, state) => {
        const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;
        if (tr.getMeta(commentHighlightsKey) || remote) return compute(state);
        return tr.docChanged ? decorations.map(tr.mapping, tr.doc) : decorations;
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state),
      handleClick: (view, pos) => {
        // A click, not the end of selecting text (read from the DOM: a read-only view's state may lag behind it).
        if (view.dom.ownerDocument.getSelection()?.isCollapsed === false) return false;
        const [found] = commentHighlightsKey.getState(view.state)?.find(pos, pos) ?? [];
        const threadId = (found?.spec as { threadId?: string } | undefined)?.threadId;
        if (threadId) options.onOpen(threadId);
        return false;
      },
    },
  });
}

/** Recomputes the highlights (the threads or the thread looked at changed). */
export function refreshCommentHighlights(view: EditorView): void {
  if (view.isDestroyed) return;
  view.dispatch(view.state.tr.setMeta(commentHighlightsKey, true).setMeta("addToHistory", false));
}
