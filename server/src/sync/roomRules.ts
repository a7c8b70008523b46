import { findCommentsViolation, findTemplateViolation, upgradeDocument } from "@karta/doc";
import { getTemplate, parseRoomName } from "@karta/schema";
import type * as Y from "yjs";
import type { DocumentStore } from "../storage/DocumentStore.ts";
import type { UpdateValidator } from "./DocRoom.ts";

/** The check every update of a room must pass: its document's template, or the comments shape. */
export async function validatorFor(store: DocumentStore, room: string): Promise<UpdateValidator> {
  const { docId, part } = parseRoomName(room);
  if (part === "comments") return findCommentsViolation;
  const record = await store.getDocument(docId);
  const template = record ? getTemplate(record.templateId) : undefined;
  if (!template) return () => "the document's template is unknown to this server";
  return (doc, transaction) => findTemplateViolation(doc, template, transaction);
}

/** Content documents stamped with an older template version are migrated when loaded. */
export function upgradeRoom(room: string, doc: Y.Doc): void {
  if (parseRoomName(room).part === "content") upgradeDocument(doc);
}
