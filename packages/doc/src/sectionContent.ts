import * as Y from "yjs";

/**
 * What the rich-text editor (Tiptap over y-prosemirror) writes below a
 * section root, and nothing else: each ProseMirror node becomes a
 * Y.XmlElement named after its type with its non-null attributes, each run of
 * text a Y.XmlText whose formatting attributes are the marks. The web app's
 * editor schema is tested against these lists, so the two cannot drift apart.
 */
export const SECTION_NODES: Readonly<Record<string, readonly string[]>> = {
  paragraph: [],
  heading: ["level"],
  bulletList: [],
  orderedList: ["start", "type"],
  listItem: [],
  hardBreak: [],
  table: [],
  tableRow: [],
  tableCell: ["colspan", "rowspan", "colwidth", "align"],
  tableHeader: ["colspan", "rowspan", "colwidth", "align"],
  liveFigure: ["figure", "organisationId", "year"],
};

/** Marks, stored as formatting attributes of Y.XmlText (an overlapping mark gets a `--hash` suffix). */
export const SECTION_MARKS: readonly string[] = ["bold", "italic", "link"];

/**
 * The link mark's attributes as the editor writes them: the address only.
 * Whatever else a link says (`rel`, `target`) is the editor's to render, never
 * the document's: a `class` or `style` from a hostile editor would reach every
 * reader's page.
 */
export const LINK_ATTRIBUTES: readonly string[] = ["href"];

/**
 * What editors built before the link mark was cut down to `href` wrote with
 * every link: Tiptap's defaults, exactly these values. Still accepted, so that
 * a tab or an offline copy of the older app does not have its edits refused.
 */
const OLDER_EDITORS_LINK_ATTRIBUTES = new Map<string, readonly unknown[]>([
  ["target", ["_blank", null]],
  ["rel", ["noopener noreferrer nofollow", null]],
  ["class", [null]],
  ["title", [null]],
]);

/** The figures a live figure can show (DOMAIN §10), computed by the server. */
export const LIVE_FIGURES = ["shnorCount", "shnorShare", "deficitsABShare"] as const;
export type LiveFigureKind = (typeof LIVE_FIGURES)[number];

/** Link targets a section may hold: the web, mail and phone; never `javascript:` or `data:`. */
const SAFE_HREF = /^(https?:\/\/|mailto:|tel:)/i;
const MAX_ATTRIBUTE_TEXT = 2048;

/**
 * Levels of elements below a section root. Real texts nest a list in a list in
 * a table cell, ~8 levels; a chain thousands deep would only stall every
 * reader's editor (and, checked recursively, the server).
 */
export const MAX_SECTION_DEPTH = 32;
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

/**
 * Checks what one transaction left in a section: for each changed type, its
 * attributes and formatting, and the whole subtree of every child created by
 * this transaction (a new paragraph with its text is not itself "changed",
 * only its parent is). Returns why it is refused, or null.
 */
export function sectionContentViolation(
  type: Y.AbstractType<unknown>,
  isRoot: boolean,
  keys: Set<string | null>,
  transaction: Y.Transaction,
): string | null {
  if (type instanceof Y.XmlText) return textViolation(type);
  if (!isRoot) {
    if (!(type instanceof Y.XmlElement)) return "a section holds something other than rich text";
    if ([...keys].some((k) => k !== null)) {
      const problem = attributesViolation(type);
      if (problem) return problem;
    }
  }
  if (!keys.has(null)) return null;
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted || !createdIn(item, transaction)) continue;
    const problem = childViolation(item, isRoot, depthOf(type) + 1);
    if (problem) return problem;
  }
  return null;
}

function createdIn(item: Y.Item, transaction: Y.Transaction): boolean {
  return item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
}

/** Levels from the section root down to `type`, counted up to the limit. */
function depthOf(type: Y.AbstractType<unknown>): number {
  let depth = 0;
  for (let t = type; t._item !== null && depth <= MAX_SECTION_DEPTH; depth++)
    t = t._item.parent as Y.AbstractType<unknown>;
  return depth;
}

/** A child of an element or of the section root (`depth` levels below it), with everything below it. */
function childViolation(item: Y.Item, atRoot: boolean, depth: number): string | null {
  if (depth > MAX_SECTION_DEPTH) return `content nested deeper than ${MAX_SECTION_DEPTH}`;
  const content = item.content;
  if (!(content instanceof Y.ContentType)) return "a section holds a value outside any element";
  const child = content.type;
  if (child instanceof Y.XmlText) return atRoot ? "text directly in a section" : textViolation(child);
  if (!(child instanceof Y.XmlElement)) return "a section holds something other than rich text";
  return elementViolation(child, depth);
}

function elementViolation(element: Y.XmlElement, depth: number): string | null {
  const problem = attributesViolation(element);
  if (problem) return problem;
  for (let item = element._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const childProblem = childViolation(item, false, depth + 1);
    if (childProblem) return childProblem;
  }
  return null;
}

function attributesViolation(element: Y.XmlElement): string | null {
  const allowed = SECTION_NODES[element.nodeName];
  if (!allowed) return `unknown rich-text node "${element.nodeName.slice(0, 40)}"`;
  for (const [key, value] of Object.entries(element.getAttributes())) {
    if (!allowed.includes(key)) return `attribute "${key.slice(0, 40)}" is not allowed on ${element.nodeName}`;
    if (!plainAttribute(value)) return `attribute "${key}" of ${element.nodeName} has an invalid value`;
  }
  if (element.nodeName === "liveFigure") return liveFigureViolation(element.getAttributes());
  return null;
}

/** A primitive, or a short list of numbers (a table column's widths). */
function plainAttribute(value: unknown): boolean {
  if (value === null || typeof value === "number" || typeof value === "boolean") return true;
  if (typeof value === "string") return value.length <= MAX_ATTRIBUTE_TEXT;
  return Array.isArray(value) && value.length <= 64 && value.every((v) => v === null || typeof v === "number");
}

function liveFigureViolation(attributes: Record<string, unknown>): string | null {
  const { figure, organisationId, year } = attributes;
  if (!(LIVE_FIGURES as readonly unknown[]).includes(figure)) return "a live figure of an unknown kind";
  if (typeof organisationId !== "string" || organisationId.length === 0) return "a live figure without organisation";
  if (typeof year !== "number" || !Number.isInteger(year)) return "a live figure without a year";
  return null;
}

/** Text runs and their marks only: no embedded objects, no attributes of the text node itself. */
function textViolation(text: Y.XmlText): string | null {
  for (const item of text._map.values()) if (!item.deleted) return "attributes on a text node";
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentString) continue;
    if (!(content instanceof Y.ContentFormat)) return "an embedded object in text";
    const problem = markViolation(content.key, content.value);
    if (problem) return problem;
  }
  return null;
}

function markViolation(key: string, value: unknown): string | null {
  const mark = HASHED_MARK.exec(key)?.[1] ?? key;
  if (!SECTION_MARKS.includes(mark)) return `unknown mark "${mark.slice(0, 40)}"`;
  if (value === null) return null; // the end of a formatted run
  if (mark === "link") return linkViolation(value);
  // Bold and italic have no attributes: the editor writes an empty object (or true).
  if (value === true || (isRecord(value) && Object.keys(value).length === 0)) return null;
  return `mark "${mark}" has attributes or an invalid value`;
}

function linkViolation(value: unknown): string | null {
  if (!isRecord(value)) return "a link without attributes";
  for (const [key, v] of Object.entries(value)) {
    if (LINK_ATTRIBUTES.includes(key) || OLDER_EDITORS_LINK_ATTRIBUTES.get(key)?.includes(v)) continue;
    return `attribute "${key.slice(0, 40)}" is not allowed on a link, or not with this value`;
  }
  const { href } = value;
  if (typeof href !== "string" || href.length > MAX_ATTRIBUTE_TEXT || !SAFE_HREF.test(href)) {
    return "a link to an address that is not a web, mail or phone address";
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
