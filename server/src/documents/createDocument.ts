import { KartaDocument, randomId } from "@karta/doc";
import { type DocumentTemplate, getTemplate } from "@karta/schema";
import * as Y from "yjs";
import type { DocumentRecord, DocumentStore } from "../storage/DocumentStore.ts";

export interface NewDocument {
  readonly templateId: string;
  readonly title: string;
  readonly organisationId: string;
  /** Its name at creation (the list shows the organisation's current name). */
  readonly organisation: string;
  readonly year: number;
  /** Fills the fresh document (demo data, imports) before its first snapshot. */
  readonly fill?: (doc: KartaDocument) => void;
}

export class UnknownTemplateError extends Error {
  override name = "UnknownTemplateError";
}

/** Creates a document from a template: its record and a first snapshot stamped with the template. */
export async function createDocument(store: DocumentStore, input: NewDocument): Promise<DocumentRecord> {
  const template: DocumentTemplate | undefined = getTemplate(input.templateId);
  if (!template) throw new UnknownTemplateError(input.templateId);
  const ydoc = new Y.Doc();
  const doc = KartaDocument.create(ydoc, template);
  input.fill?.(doc);
  const now = new Date().toISOString();
  const record: DocumentRecord = {
    id: randomId(16),
    title: input.title,
    templateId: template.id,
    templateVersion: template.version,
    organisationId: input.organisationId,
    organisation: input.organisation,
    year: input.year,
    createdAt: now,
    updatedAt: now,
    status: "draft",
    order: null,
  };
  await store.createDocument(record, Y.encodeStateAsUpdate(ydoc));
  ydoc.destroy();
  return record;
}
