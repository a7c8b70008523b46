import type { DocumentTemplate } from "@karta/schema";
import type * as Y from "yjs";
import { META_ROOT } from "./roots.ts";

export interface DocumentMeta {
  readonly templateId: string;
  readonly templateVersion: number;
}

/** Writes the template stamp of a new document. */
export function writeMeta(ydoc: Y.Doc, template: DocumentTemplate): void {
  const meta = ydoc.getMap<unknown>(META_ROOT);
  ydoc.transact(() => {
    meta.set("templateId", template.id);
    meta.set("templateVersion", template.version);
  });
}

/** Reads the template stamp, or null while the document has not synced yet. */
export function readMeta(ydoc: Y.Doc): DocumentMeta | null {
  const meta = ydoc.getMap<unknown>(META_ROOT);
  const templateId = meta.get("templateId");
  const templateVersion = meta.get("templateVersion");
  if (typeof templateId !== "string" || typeof templateVersion !== "number") return null;
  return { templateId, templateVersion };
}
