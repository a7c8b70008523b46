import type { KartaDocument } from "@karta/doc";
import type { CellValue } from "@karta/schema";
import * as Y from "yjs";
import type { SeedBlock } from "./seeds/richText.ts";

/**
 * A document's `fill`: the seed's rows at the top of one of its tables (counts
 * and texts only; shares, totals and № are computed, never written).
 */
export function seedRows<T extends { readonly [K in keyof T]: CellValue }>(tableId: string, rows: readonly T[]) {
  return (doc: KartaDocument): void => {
    // Copied into plain records: the seeds' row interfaces have no index signature.
    doc.table(tableId).insertRows(
      0,
      rows.map((row): Record<string, CellValue> => ({ ...row })),
    );
  };
}

/**
 * Writes the seeds' plain blocks into a section's fragment the way the editor (Tiptap's
 * StarterKit and table nodes over y-prosemirror) stores them: one element per node named
 * after its type, non-null attributes only, text in Y.XmlText. Nodes are those of
 * `SECTION_NODES`, so the server's check of sections would accept them.
 */
export function writeSeedBlocks(fragment: Y.XmlFragment, blocks: readonly SeedBlock[]): void {
  fragment.insert(fragment.length, blocks.map(blockElement));
}

function blockElement(block: SeedBlock): Y.XmlElement {
  switch (block.type) {
    case "heading": {
      const heading = new Y.XmlElement<{ level: number }>("heading");
      heading.setAttribute("level", block.level);
      if (block.text) heading.insert(0, [new Y.XmlText(block.text)]);
      return heading as unknown as Y.XmlElement;
    }
    case "paragraph":
      return textElement("paragraph", block.text);
    case "bulletList":
      return element(
        "bulletList",
        block.items.map((item) => element("listItem", [textElement("paragraph", item)])),
      );
    case "table":
      return element(
        "table",
        block.rows.map((row) =>
          element(
            "tableRow",
            row.map((cell) => element("tableCell", [textElement("paragraph", cell)])),
          ),
        ),
      );
  }
}

function element(name: string, children: Y.XmlElement[]): Y.XmlElement {
  const node = new Y.XmlElement(name);
  node.insert(0, children);
  return node;
}

/** An element holding one run of text (none for empty text, as the editor writes an empty paragraph). */
function textElement(name: string, text: string): Y.XmlElement {
  const node = new Y.XmlElement(name);
  if (text) node.insert(0, [new Y.XmlText(text)]);
  return node;
}
