import * as Y from "yjs";

/** Nodes that only hold text: a section made of them holds something only if the text is not blank. */
const TEXT_CONTAINERS: ReadonlySet<string> = new Set([
  "paragraph",
  "heading",
  "bulletList",
  "orderedList",
  "listItem",
  "hardBreak",
]);

export interface SectionSummary {
  /** The section's text in one line, blocks separated by spaces. */
  readonly text: string;
  readonly hasContent: boolean;
}

/**
 * What a folded section shows of itself, read from its Y.XmlFragment: by the
 * page's folded heading and by the server's first screen (first-rows).
 */
export function sectionSummary(fragment: Y.XmlFragment): SectionSummary {
  const pieces: string[] = [];
  let other = false;
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) {
        const delta = child.toDelta() as { insert?: unknown }[];
        pieces.push(delta.map((op) => (typeof op.insert === "string" ? op.insert : "")).join(""));
        if (delta.some((op) => typeof op.insert !== "string")) other = true;
      } else if (child instanceof Y.XmlElement) {
        if (!TEXT_CONTAINERS.has(child.nodeName)) other = true;
        walk(child);
      }
    }
  };
  walk(fragment);
  const text = pieces.join(" ").replace(/\s+/g, " ").trim();
  return { text, hasContent: text !== "" || other };
}
