import { type DocumentTemplate, findSection, findTable, getTemplate, type TableTemplate } from "@karta/schema";
import type * as Y from "yjs";
import { readMeta, writeMeta } from "./meta.ts";
import { sectionRootName, tableRootName } from "./roots.ts";
import { TableModel, type TableOptions } from "./table.ts";

/**
 * Table models by Y.Doc, table and write origin. A model observes its table
 * for as long as the Y.Doc lives, so handles opened again and again over one
 * long-lived document (the server reads a room's content for every figure and
 * dashboard refresh) share one model per table instead of adding an observer
 * and a copy of the rows each time.
 */
const models = new WeakMap<Y.Doc, Map<TableTemplate, Map<unknown, TableModel>>>();

function sharedModel(ydoc: Y.Doc, template: TableTemplate, options: TableOptions): TableModel {
  const byTemplate = models.get(ydoc) ?? new Map<TableTemplate, Map<unknown, TableModel>>();
  models.set(ydoc, byTemplate);
  const byOrigin = byTemplate.get(template) ?? new Map<unknown, TableModel>();
  byTemplate.set(template, byOrigin);
  const origin = options.origin ?? null;
  const model = byOrigin.get(origin) ?? new TableModel(ydoc, template, options);
  byOrigin.set(origin, model);
  return model;
}

/**
 * A typed handle over one content Y.Doc. It owns no network and no storage:
 * whoever created the Y.Doc (a provider in the browser, the server's room)
 * decides where updates go.
 */
export class KartaDocument {
  private readonly tables = new Map<string, TableModel>();

  constructor(
    readonly ydoc: Y.Doc,
    readonly template: DocumentTemplate,
    private readonly options: TableOptions = {},
  ) {}

  /** Stamps a fresh Y.Doc with its template, adds the template's initial rows, and returns the handle. */
  static create(ydoc: Y.Doc, template: DocumentTemplate, options?: TableOptions): KartaDocument {
    writeMeta(ydoc, template);
    const doc = new KartaDocument(ydoc, template, options);
    for (const table of template.tables) {
      if (table.initialRows?.length)
        doc.table(table.id).insertRows(
          0,
          table.initialRows.map((r) => ({ ...r })),
          { locked: true },
        );
    }
    return doc;
  }

  /** Opens a synced Y.Doc by its stamp; null if it has none or the template is unknown. */
  static open(ydoc: Y.Doc, options?: TableOptions): KartaDocument | null {
    const meta = readMeta(ydoc);
    const template = meta ? getTemplate(meta.templateId) : undefined;
    return template ? new KartaDocument(ydoc, template, options) : null;
  }

  table(tableId: string): TableModel {
    let model = this.tables.get(tableId);
    if (!model) {
      const template = findTable(this.template, tableId);
      if (!template) throw new Error(`${this.template.id} has no table ${tableId}`);
      model = sharedModel(this.ydoc, template, this.options);
      this.tables.set(tableId, model);
    }
    return model;
  }

  /** The rich-text section's fragment, for Tiptap's Collaboration extension. */
  section(sectionId: string): Y.XmlFragment {
    if (!findSection(this.template, sectionId)) throw new Error(`${this.template.id} has no section ${sectionId}`);
    return this.ydoc.getXmlFragment(sectionRootName(sectionId));
  }

  /**
   * The shared types an UndoManager should watch: every table of the template,
   * or only the one named. Sections have their editor's own undo.
   */
  undoScope(tableId?: string): Y.Map<unknown>[] {
    return this.template.tables
      .filter((t) => tableId === undefined || t.id === tableId)
      .map((t) => this.ydoc.getMap(tableRootName(t.id)));
  }
}
