import * as Y from "yjs";
import type { TextBlock, TextRun } from "./model.ts";

/** What a live figure of the analytic report points at (its node's attributes). */
export interface LiveFigureRef {
  readonly figure: string;
  readonly organisationId: string;
  readonly year: number;
}

/** The current value of a live figure as text («16», «55,2 %», «—»). */
export type LiveFigureResolver = (ref: LiveFigureRef) => string;

/** An overlapping mark is stored with a `--hash` suffix (y-prosemirror). */
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

/**
 * A section's fragment as blocks (the nodes of SECTION_NODES): paragraphs,
 * headings, lists, tables; marks become runs' bold/italic/href, a hard break a
 * "\n" in the text, a live figure its current value. Unknown nodes (never
 * stored: the server refuses them) are read for their text as paragraphs.
 */
export function blocksOf(fragment: Y.XmlFragment | Y.XmlElement, figure: LiveFigureResolver): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlElement) blocks.push(...blockOf(child, figure));
    else if (child instanceof Y.XmlText) blocks.push({ kind: "paragraph", runs: runsOfText(child) });
  }
  return blocks;
}

function blockOf(element: Y.XmlElement, figure: LiveFigureResolver): TextBlock[] {
  switch (element.nodeName) {
    case "paragraph":
      return [{ kind: "paragraph", runs: runsOf(element, figure) }];
    case "heading": {
      const level = Number(element.getAttribute("level"));
      return [
        { kind: "heading", level: Number.isInteger(level) && level > 0 ? level : 1, runs: runsOf(element, figure) },
      ];
    }
    case "bulletList":
    case "orderedList": {
      const ordered = element.nodeName === "orderedList";
      const start = Number(element.getAttribute("start"));
      const items = element
        .toArray()
        .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement)
        .map((item) => blocksOf(item, figure));
      return [{ kind: "list", ordered, ...(ordered ? { start: Number.isInteger(start) ? start : 1 } : {}), items }];
    }
    case "table": {
      const rows = element
        .toArray()
        .filter((r): r is Y.XmlElement => r instanceof Y.XmlElement)
        .map((row) =>
          row
            .toArray()
            .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement)
            .map((cell) => ({ header: cell.nodeName === "tableHeader", blocks: blocksOf(cell, figure) })),
        );
      return [{ kind: "table", rows }];
    }
    case "listItem":
    case "tableRow":
    case "tableCell":
    case "tableHeader":
      return blocksOf(element, figure);
    default: {
      const runs = runsOf(element, figure);
      return runs.length ? [{ kind: "paragraph", runs }] : [];
    }
  }
}

/** The inline content of a paragraph or heading. */
function runsOf(element: Y.XmlElement, figure: LiveFigureResolver): TextRun[] {
  const runs: TextRun[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) runs.push(...runsOfText(child));
    else if (!(child instanceof Y.XmlElement)) continue;
    else if (child.nodeName === "hardBreak") runs.push({ text: "\n" });
    else if (child.nodeName === "liveFigure") runs.push({ text: figure(figureRef(child)) });
    else runs.push(...runsOf(child, figure));
  }
  return mergeRuns(runs);
}

function figureRef(element: Y.XmlElement): LiveFigureRef {
  const attrs = element.getAttributes() as Record<string, unknown>;
  return {
    figure: String(attrs.figure ?? ""),
    organisationId: String(attrs.organisationId ?? ""),
    year: Number(attrs.year),
  };
}

function runsOfText(text: Y.XmlText): TextRun[] {
  const runs: TextRun[] = [];
  for (const op of text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== "string" || op.insert === "") continue;
    const run: { text: string; bold?: boolean; italic?: boolean; href?: string } = { text: op.insert };
    for (const [key, value] of Object.entries(op.attributes ?? {})) {
      if (value === null || value === undefined) continue;
      const mark = HASHED_MARK.exec(key)?.[1] ?? key;
      if (mark === "bold") run.bold = true;
      else if (mark === "italic") run.italic = true;
      else if (mark === "link" && typeof value === "object") {
        const href = (value as { href?: unknown }).href;
        if (typeof href === "string") run.href = href;
      }
    }
    runs.push(run);
  }
  return runs;
}

/** Neighbouring runs with the same marks become one (Yjs may split a run where nothing changes). */
function mergeRuns(runs: readonly TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (last && last.bold === run.bold && last.italic === run.italic && last.href === run.href)
      out[out.length - 1] = { ...last, text: last.text + run.text };
    else out.push(run);
  }
  return out;
}

/** Every live figure of a fragment, so that a caller can compute their values before building the model. */
export function liveFiguresIn(fragment: Y.XmlFragment | Y.XmlElement): LiveFigureRef[] {
  const found: LiveFigureRef[] = [];
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === "liveFigure") found.push(figureRef(child));
    else found.push(...liveFiguresIn(child));
  }
  return found;
}

/** The plain text of blocks: runs joined, blocks and list items on their own lines. */
export function plainTextOf(blocks: readonly TextBlock[]): string {
  return blocks.map(blockText).join("\n");
}

function blockText(block: TextBlock): string {
  switch (block.kind) {
    case "paragraph":
    case "heading":
      return block.runs.map((r) => r.text).join("");
    case "list":
      return block.items.map((item) => plainTextOf(item)).join("\n");
    case "table":
      return block.rows.map((row) => row.map((cell) => plainTextOf(cell.blocks)).join("\t")).join("\n");
  }
}
