import { type ColumnTemplate, type DocumentTemplate, isValidCellValue, type TableTemplate } from "@karta/schema";
import * as Y from "yjs";
import { META_ROOT, ORDER_KEY, SECTION_ROOT_PREFIX, TABLE_ROOT_PREFIX } from "./roots.ts";
import { MAX_SECTION_DEPTH, sectionContentViolation } from "./sectionContent.ts";

// biome-ignore lint/suspicious/noExplicitAny: Yjs types its shared types by their event type.
type AnyType = Y.AbstractType<any>;

/** Longest fractional order key a row may carry; real keys are a few characters. */
export const MAX_ORDER_KEY_LENGTH = 256;

/** Why the state a transaction left is invalid, or null: see `templateChecker`. */
export type TemplateCheck = (ydoc: Y.Doc, transaction: Y.Transaction) => string | null;

/**
 * Checks the state a transaction left behind, for everything it touched,
 * against the document's template. Returns why it is invalid, or null.
 *
 * The server applies a client's update to the loaded document, calls this,
 * and only stores and broadcasts the update if it passes (otherwise it drops
 * the in-memory state and reloads what was stored). Checking the resulting
 * state instead of the update's operations means one rule covers every way of
 * encoding the same change: a cell overwritten, a row created with its cells,
 * a key deleted.
 */
export function findTemplateViolation(
  ydoc: Y.Doc,
  template: DocumentTemplate,
  transaction: Y.Transaction,
): string | null {
  return templateChecker(template)(ydoc, transaction);
}

/**
 * The check of `findTemplateViolation`, with what it needs from the template
 * (tables by root name, columns by id) built once, and the names of the
 * document's roots remembered between transactions: a room makes one and
 * calls it for every update, where the common edit sets one cell.
 *
 * A row that is only changed has its changed keys checked: the rest of it was
 * checked when it was written. A row that is added is checked whole.
 */
export function templateChecker(template: DocumentTemplate): TemplateCheck {
  const tables = new Map(template.tables.map((t) => [`${TABLE_ROOT_PREFIX}${t.id}`, tableRules(t)]));
  const sections = new Set(template.sections.map((s) => `${SECTION_ROOT_PREFIX}${s.id}`));
  let named: RootNames | null = null;
  const rootNames = (ydoc: Y.Doc, transaction: Y.Transaction): Map<AnyType, string> => {
    const stale =
      named === null ||
      named.doc !== ydoc ||
      named.rootCount !== ydoc.share.size ||
      [...transaction.changed.keys()].some((type) => type._item === null && !named?.names.has(type));
    if (!stale) return (named as RootNames).names;
    const names = typedRoots(ydoc, [...tables.keys()], [...sections]);
    named = { doc: ydoc, rootCount: ydoc.share.size, names };
    return names;
  };

  return (ydoc, transaction) => {
    const names = rootNames(ydoc, transaction);
    for (const [type, keys] of transaction.changed) {
      const sectionProblem = sectionViolation(ydoc, type, keys, names, sections, transaction);
      if (sectionProblem !== undefined) {
        if (sectionProblem) return sectionProblem;
        continue;
      }
      const parentItem = type._item;
      if (parentItem === null) {
        const name = names.get(type) ?? "?";
        if (name === META_ROOT) return "the template stamp (meta) is written by the server only";
        const table = tables.get(name);
        if (!table) return `unknown root "${name}"`;
        if (keys.has(null)) return `list content in table root "${name}"`;
        for (const key of keys) {
          const row = ydoc.getMap<unknown>(name).get(key as string);
          if (row === undefined) continue; // a deleted row
          if (!(row instanceof Y.Map)) return `row ${key} of "${name}" is not a map`;
          const locked = table.locked.find((c) => row.has(c.id));
          if (locked) return `column "${locked.id}" is set by the template`;
          const problem = rowViolation(row, row.keys(), table);
          if (problem) return `row ${key}: ${problem}`;
        }
        continue;
      }
      // A nested type: only row maps (direct children of a table root) exist.
      const parent = parentItem.parent as AnyType | null;
      const parentName = parent && parent._item === null ? names.get(parent) : undefined;
      const table = parentName ? tables.get(parentName) : undefined;
      if (!table || !(type instanceof Y.Map)) return "content nested where the template has none";
      if (keys.has(null)) return "list content in a row";
      const locked = table.locked.find((c) => keys.has(c.id));
      if (locked) return `column "${locked.id}" is set by the template`;
      const problem = rowViolation(type, keys as Set<string>, table);
      if (problem) return `row ${parentItem.parentSub ?? "?"}: ${problem}`;
    }
    return null;
  };
}

/** The names of a document's roots, as of when it had `rootCount` of them. */
interface RootNames {
  readonly doc: Y.Doc;
  readonly rootCount: number;
  readonly names: Map<AnyType, string>;
}

/** A table's columns as the check looks them up. */
interface TableRules {
  readonly columns: ReadonlyMap<string, ColumnTemplate>;
  readonly locked: readonly ColumnTemplate[];
}

function tableRules(table: TableTemplate): TableRules {
  return { columns: new Map(table.columns.map((c) => [c.id, c])), locked: table.columns.filter((c) => c.locked) };
}

/**
 * Rich text lives below a section root: only the nodes, attributes and marks
 * of the editor's schema (`sectionContent.ts`). Returns undefined when `type`
 * is not in a section, "" when it is and is fine.
 */
function sectionViolation(
  ydoc: Y.Doc,
  type: AnyType,
  keys: Set<string | null>,
  rootNames: Map<AnyType, string>,
  sections: Set<string>,
  transaction: Y.Transaction,
): string | undefined {
  let root: AnyType = type;
  // Bounded: walking up a deep chain from each of its changed types would cost depth² steps.
  for (let depth = 0; root._item !== null; depth++) {
    if (depth >= MAX_SECTION_DEPTH) return `content nested deeper than ${MAX_SECTION_DEPTH}`;
    root = root._item.parent as AnyType;
  }
  const name = rootNames.get(root) ?? "";
  if (!name.startsWith(SECTION_ROOT_PREFIX)) return undefined;
  if (!sections.has(name)) return `unknown root "${name}"`;
  // The transaction may still hold the untyped root object; the typed one is in share.
  if (!(ydoc.share.get(name) instanceof Y.XmlFragment)) return `section "${name}" is not rich text`;
  if (type === root && [...keys].some((k) => k !== null)) return `section "${name}" used as a map`;
  const problem = sectionContentViolation(type, type === root, keys, transaction);
  return problem ? `section "${name}": ${problem}` : "";
}

/**
 * A row map must hold a fractional order and only the table's editable
 * columns, each valid. `keys`: those to look at (all of a new row; the changed
 * ones of an existing row, where a key may also have been deleted).
 */
function rowViolation(row: Y.Map<unknown>, keys: Iterable<string>, table: TableRules): string | null {
  const order = row.get(ORDER_KEY);
  if (typeof order !== "string" || order.length === 0 || order.length > MAX_ORDER_KEY_LENGTH) {
    return "missing or invalid order";
  }
  for (const key of keys) {
    if (key === ORDER_KEY || !row.has(key)) continue;
    const column = table.columns.get(key);
    if (!column) return `unknown column "${key}"`;
    if (column.type.kind === "rowNumber") return `column "${key}" is derived and cannot be written`;
    const value = row.get(key);
    if (value instanceof Y.AbstractType || value instanceof Y.Doc) return `column "${key}" holds a shared type`;
    if (!isValidCellValue(column.type, value)) return `invalid value in column "${key}"`;
  }
  return null;
}

function rootNamesOf(ydoc: Y.Doc): Map<AnyType, string> {
  return new Map([...ydoc.share].map(([name, type]) => [type, name]));
}

/**
 * A root that arrived in an update, before anyone asked for it by type, is a
 * plain AbstractType; asking for it as a map replaces it with a Y.Map (and
 * re-parents its items). The names of both objects are returned, since the
 * transaction may still refer to the old one.
 */
function typedRoots(ydoc: Y.Doc, mapRoots: readonly string[], xmlRoots: readonly string[] = []): Map<AnyType, string> {
  const before = rootNamesOf(ydoc);
  for (const name of mapRoots) if (ydoc.share.has(name)) ydoc.getMap(name);
  for (const name of xmlRoots) if (ydoc.share.has(name)) ydoc.getXmlFragment(name);
  return new Map([...before, ...rootNamesOf(ydoc)]);
}
