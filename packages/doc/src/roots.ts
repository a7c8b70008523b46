/**
 * Names of the shared types at the root of a content Y.Doc. Root types are
 * never replaced by a concurrent writer (unlike a nested Y.Map created by two
 * people at once, where one copy and everything in it would be lost), so every
 * table is its own root map.
 */
export const META_ROOT = "meta";
export const TABLE_ROOT_PREFIX = "table:";

export function tableRootName(tableId: string): string {
  return `${TABLE_ROOT_PREFIX}${tableId}`;
}

/** The key of a row map that holds its fractional order. */
export const ORDER_KEY = "order";

/** Each rich-text section is its own root Y.XmlFragment (what Tiptap's Collaboration binds to). */
export const SECTION_ROOT_PREFIX = "section:";

export function sectionRootName(sectionId: string): string {
  return `${SECTION_ROOT_PREFIX}${sectionId}`;
}
