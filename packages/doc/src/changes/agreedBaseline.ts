import type { CellValue, DocumentTemplate } from "@karta/schema";
import * as Y from "yjs";
import type { KartaDocument } from "../document.ts";
import { ORDER_KEY, sectionRootName, tableRootName } from "../roots.ts";

/** One difference between the agreed version and the content now. */
export type ContentChange =
  | {
      readonly kind: "cell";
      readonly table: string;
      readonly rowId: string;
      readonly columnId: string;
      readonly agreed: CellValue;
      readonly current: CellValue;
    }
  | { readonly kind: "rowAdded"; readonly table: string; readonly rowId: string }
  | {
      readonly kind: "rowDeleted";
      readonly table: string;
      readonly rowId: string;
      /** What the row held when agreed. */
      readonly agreed: Readonly<Record<string, CellValue>>;
    }
  | { readonly kind: "rowMoved"; readonly table: string; readonly rowId: string }
  | {
      readonly kind: "paragraph";
      readonly section: string;
      /** Its place in the section now (for a removed paragraph: where it was). */
      readonly index: number;
      /** The text when agreed; null for a paragraph added since. */
      readonly agreed: string | null;
      /** The text now; null for a paragraph removed since. */
      readonly current: string | null;
    };

interface AgreedRow {
  readonly order: string;
  readonly cells: Readonly<Record<string, CellValue>>;
}

/**
 * The agreed version of a document, decoded once into plain values: every
 * table's rows by id and every section's paragraphs. Comparing the content
 * with it reads only the current document, and a change of a few rows is
 * compared for those rows alone (`rowChanges`), so marks stay live on a
 * 10,000-row table without rebuilding either document on every keystroke.
 */
export class AgreedBaseline {
  private readonly tables = new Map<string, Map<string, AgreedRow>>();
  private readonly sections = new Map<string, readonly string[]>();

  constructor(
    private readonly template: DocumentTemplate,
    agreedState: Uint8Array,
  ) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, agreedState);
    for (const table of template.tables) {
      const rows = new Map<string, AgreedRow>();
      for (const [rowId, row] of doc.getMap<unknown>(tableRootName(table.id)).entries()) {
        if (row instanceof Y.Map) rows.set(rowId, readRow(row, table.columns));
      }
      this.tables.set(table.id, rows);
    }
    for (const section of template.sections) {
      this.sections.set(section.id, paragraphsOf(doc.getXmlFragment(sectionRootName(section.id))));
    }
    doc.destroy();
  }

  /** Every change of the content since agreement: tables in template order, rows by id, then sections. */
  changes(current: KartaDocument): ContentChange[] {
    const found: ContentChange[] = [];
    for (const table of this.template.tables) {
      const agreed = this.tables.get(table.id) ?? new Map();
      const root = current.ydoc.getMap<unknown>(tableRootName(table.id));
      const ids = new Set([...agreed.keys(), ...root.keys()]);
      for (const rowId of ids) found.push(...this.rowChanges(current, table.id, rowId));
    }
    for (const section of this.template.sections) found.push(...this.sectionChanges(current, section.id));
    return found;
  }

  /** The changes of one row (none when it is as agreed). */
  rowChanges(current: KartaDocument, tableId: string, rowId: string): ContentChange[] {
    const table = this.template.tables.find((t) => t.id === tableId);
    if (!table) return [];
    const agreed = this.tables.get(tableId)?.get(rowId);
    const row = current.ydoc.getMap<unknown>(tableRootName(tableId)).get(rowId);
    if (!(row instanceof Y.Map)) {
      return agreed ? [{ kind: "rowDeleted", table: tableId, rowId, agreed: agreed.cells }] : [];
    }
    if (!agreed) return [{ kind: "rowAdded", table: tableId, rowId }];
    const now = readRow(row, table.columns);
    const found: ContentChange[] = [];
    if (now.order !== agreed.order) found.push({ kind: "rowMoved", table: tableId, rowId });
    for (const column of table.columns) {
      const before = agreed.cells[column.id] ?? null;
      const after = now.cells[column.id] ?? null;
      if (before !== after) {
        found.push({ kind: "cell", table: tableId, rowId, columnId: column.id, agreed: before, current: after });
      }
    }
    return found;
  }

  /** The paragraphs of a section that differ from the agreed text, matched by their longest common run. */
  sectionChanges(current: KartaDocument, sectionId: string): ContentChange[] {
    const before = this.sections.get(sectionId) ?? [];
    const after = paragraphsOf(current.ydoc.getXmlFragment(sectionRootName(sectionId)));
    return (
      paragraphDiff(before, after)
        // An empty paragraph coming or going says nothing to a reader: the editor adds one after a
        // closing list or table of text it opens (its trailing node), and Enter at the end makes one.
        .filter((d) => !(d.agreed === null && isBlank(d.current)) && !(d.current === null && isBlank(d.agreed)))
        .map((d) => ({ kind: "paragraph", section: sectionId, ...d }))
    );
  }
}

function readRow(row: Y.Map<unknown>, columns: readonly { id: string }[]): AgreedRow {
  const cells: Record<string, CellValue> = {};
  for (const column of columns) {
    const value = row.get(column.id);
    if (value !== undefined && value !== null && typeof value !== "object") cells[column.id] = value as CellValue;
  }
  const order = row.get(ORDER_KEY);
  return { order: typeof order === "string" ? order : "", cells };
}

/** Whether a block's XML holds no text: `<paragraph></paragraph>`, `<paragraph><hardBreak></hardBreak></paragraph>`. */
function isBlank(xml: string | null): boolean {
  return xml === null || xml.replace(/<[^>]*>/g, "").trim() === "";
}

/** The top-level blocks of a section (paragraphs, headings, lists, tables) as comparable strings. */
function paragraphsOf(fragment: Y.XmlFragment): string[] {
  return fragment.toArray().map((node) => node.toString());
}

/**
 * Pairs the agreed and current paragraphs by a longest common subsequence;
 * what is left over on both sides at the same gap is a changed paragraph,
 * the rest added or removed.
 */
export function paragraphDiff(
  before: readonly string[],
  after: readonly string[],
): { index: number; agreed: string | null; current: string | null }[] {
  const n = before.length;
  const m = after.length;
  // Sections are a few dozen paragraphs: the quadratic table is small.
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] =
        before[i] === after[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const changes: { index: number; agreed: string | null; current: string | null }[] = [];
  const removed: { index: number; text: string }[] = [];
  const added: { index: number; text: string }[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) {
      const [was, now] = [removed[k], added[k]] as [{ text: string }, { index: number; text: string }];
      changes.push({ index: now.index, agreed: was.text, current: now.text });
    }
    for (const r of removed.slice(paired)) changes.push({ index: r.index, agreed: r.text, current: null });
    for (const a of added.slice(paired)) changes.push({ index: a.index, agreed: null, current: a.text });
    removed.length = 0;
    added.length = 0;
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i >= n || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) {
      added.push({ index: j, text: after[j] as string });
      j++;
    } else {
      removed.push({ index: j, text: before[i] as string });
      i++;
    }
  }
  flush();
  return changes;
}
