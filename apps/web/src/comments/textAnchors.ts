import type { RelativePositionJson, TextAnchor } from "@karta/doc";
import type { EditorState } from "@tiptap/pm/state";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { shorten } from "./anchorText.ts";

/** y-tiptap's map from Yjs types to the ProseMirror nodes they render (not exported by name). */
type ProsemirrorMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

/** A commented range of a section's editor, in ProseMirror positions. */
export interface TextRange {
  readonly from: number;
  readonly to: number;
}

/** The y-sync binding's map from Yjs types to ProseMirror nodes; null before the editor is bound. */
export function bindingMapping(state: EditorState): ProsemirrorMapping | null {
  const binding = ySyncPluginKey.getState(state)?.binding as { mapping?: ProsemirrorMapping } | undefined;
  return binding?.mapping ?? null;
}

/** `Y.relativePositionToJSON` with its ids as plain objects, as the comments schema stores them. */
export function relativePositionJson(position: Y.RelativePosition): RelativePositionJson {
  const json = Y.relativePositionToJSON(position) as {
    type?: Y.ID;
    tname?: string;
    item?: Y.ID;
    assoc?: number;
  };
  const id = (value: Y.ID) => ({ client: value.client, clock: value.clock });
  return {
    ...(json.type ? { type: id(json.type) } : {}),
    ...(json.tname !== undefined ? { tname: json.tname } : {}),
    ...(json.item ? { item: id(json.item) } : {}),
    ...(json.assoc !== undefined ? { assoc: json.assoc < 0 ? -1 : 0 } : {}),
  };
}

/**
 * The same place, stuck to the character after it (`assoc` 0) or before it
 * (-1). The range's start sticks to its first character and its end to its
 * last, so text typed just outside the phrase stays outside, and deleting
 * the phrase collapses the range (the thread is then detached).
 */
function stuck(position: Y.RelativePosition, ydoc: Y.Doc, assoc: 0 | -1): Y.RelativePosition {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, ydoc);
  return absolute ? Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc) : position;
}

/**
 * The anchor of a phrase selected in a section's editor (from < to): a pair
 * of relative positions in the section's fragment, and the phrase itself.
 * Null when the editor is not bound to its fragment yet.
 */
export function textAnchorOf(
  state: EditorState,
  fragment: Y.XmlFragment,
  section: string,
  from: number,
  to: number,
): TextAnchor | null {
  const mapping = bindingMapping(state);
  const ydoc = fragment.doc;
  if (!mapping || !ydoc || from >= to) return null;
  const start = stuck(absolutePositionToRelativePosition(from, fragment, mapping), ydoc, 0);
  const end = stuck(absolutePositionToRelativePosition(to, fragment, mapping), ydoc, -1);
  return {
    kind: "text",
    section,
    start: relativePositionJson(start),
    end: relativePositionJson(end),
    quote: shorten(state.doc.textBetween(from, to, " ", " ")),
  };
}

/** Where an anchored phrase is now in the editor, or null if its text is gone (or not rendered). */
export function resolveTextRange(
  state: EditorState,
  fragment: Y.XmlFragment,
  anchor: Pick<TextAnchor, "start" | "end">,
): TextRange | null {
  const mapping = bindingMapping(state);
  const ydoc = fragment.doc;
  if (!mapping || !ydoc) return null;
  const from = relativePositionToAbsolutePosition(
    ydoc,
    fragment,
    Y.createRelativePositionFromJSON(anchor.start),
    mapping,
  );
  const to = relativePositionToAbsolutePosition(ydoc, fragment, Y.createRelativePositionFromJSON(anchor.end), mapping);
  if (from === null || to === null || from >= to) return null;
  const size = state.doc.content.size;
  if (to > size) return null;
  return { from, to };
}
