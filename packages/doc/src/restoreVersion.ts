import * as Y from "yjs";
import type { KartaDocument } from "./document.ts";
import { sectionRootName, tableRootName } from "./roots.ts";

/**
 * Makes the document's content what it was in `version` (a Y.Doc of the same
 * template's state at that moment), as one forward change: rows the version
 * lacks are deleted, its rows are put back with their ids (so comments on them
 * find them again) and their cells and order set; each section's text is
 * replaced by the version's. Nothing of history is rewritten: restoring is
 * itself undone by restoring the version before it. Call it inside the
 * transaction that should carry the change.
 */
export function restoreVersion(current: KartaDocument, version: Y.Doc): void {
  const { ydoc, template } = current;
  ydoc.transact(() => {
    for (const table of template.tables) {
      const now = ydoc.getMap<unknown>(tableRootName(table.id));
      const then = version.getMap<unknown>(tableRootName(table.id));
      for (const rowId of [...now.keys()]) if (!then.has(rowId)) now.delete(rowId);
      for (const [rowId, old] of then.entries()) {
        if (!(old instanceof Y.Map)) continue;
        const row = now.get(rowId);
        if (!(row instanceof Y.Map)) {
          now.set(rowId, new Y.Map<unknown>([...old.entries()]));
          continue;
        }
        for (const key of [...row.keys()]) if (!old.has(key)) row.delete(key);
        for (const [key, value] of old.entries()) if (row.get(key) !== value) row.set(key, value);
      }
    }
    for (const section of template.sections) {
      const now = ydoc.getXmlFragment(sectionRootName(section.id));
      const then = version.getXmlFragment(sectionRootName(section.id));
      if (sameXml(now, then)) continue;
      if (now.length > 0) now.delete(0, now.length);
      now.insert(
        0,
        then.toArray().map((node) => node.clone() as Y.XmlElement | Y.XmlText),
      );
    }
  });
}

function sameXml(a: Y.XmlFragment, b: Y.XmlFragment): boolean {
  return a.toString() === b.toString();
}
