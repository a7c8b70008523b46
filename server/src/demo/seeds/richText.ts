/**
 * Rich text from the seeds as plain blocks, structure inferred from the plain text: a title
 * is a heading, a line is a paragraph, lines marked «- » or ending in «;» after a colon are a
 * bullet list. Text is verbatim, typos and stray spaces included; a list marker («- ») is
 * structure and is dropped, a number typed in the text («1.») is text and is kept.
 */
export type SeedBlock =
  | { readonly type: "heading"; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly type: "paragraph"; readonly text: string }
  | { readonly type: "bulletList"; readonly items: readonly string[] }
  | { readonly type: "table"; readonly rows: readonly (readonly string[])[] };

/**
 * A figure the product should compute instead of keeping the typed number:
 * - shnorCount: число ШНОР (schools with status "shnor" in the year, from the registry);
 * - schoolCount: число школ в территории (the registry's schools);
 * - shnorShare: доля ШНОР в территории, % (seed 004: 16 of 29 = 55,2 %);
 * - deficitABShare: доля педагогов с дефицитами A+B, % (seed 004: 144 of 232 = 62,1 %).
 */
export type LiveFigureKind = "shnorCount" | "schoolCount" | "shnorShare" | "deficitABShare";

export interface SeedLiveFigure {
  /** Index of the paragraph in the document's blocks. */
  readonly block: number;
  /** A phrase that occurs once in the paragraph and contains the figure. */
  readonly phrase: string;
  /** The figure as typed, inside `phrase`. */
  readonly typed: string;
  readonly figure: LiveFigureKind;
  /** What a computed value would change, if the seed disagrees with itself. */
  readonly note?: string;
}

/** The plain text of a block (list items and table cells joined by "\n"). */
export function seedBlockText(block: SeedBlock): string {
  switch (block.type) {
    case "heading":
    case "paragraph":
      return block.text;
    case "bulletList":
      return block.items.join("\n");
    case "table":
      return block.rows.map((row) => row.join("\t")).join("\n");
  }
}
