import { type CommentsWriter, cellEditsOf, findCommentsViolation, templateChecker, upgradeDocument } from "@karta/doc";
import { getTemplate, isContentLocked, parseRoomName } from "@karta/schema";
import type * as Y from "yjs";
import { mayChangeThreadStatus } from "../access/policy.ts";
import { MAX_COMMENTS_DOCUMENT_BYTES, MAX_DOCUMENT_BYTES } from "../limits.ts";
import type { DocumentRecord, DocumentStore } from "../storage/DocumentStore.ts";
import type { ConnectionGrant } from "./Connection.ts";
import type { RoomLimits, UpdateValidator } from "./DocRoom.ts";

/** What every update of a room must keep to: its document's template or the comments shape, and a size. */
export async function limitsFor(store: DocumentStore, room: string): Promise<RoomLimits> {
  const { docId, part } = parseRoomName(room);
  if (part === "comments") {
    return {
      validate: (doc, transaction, writer) => findCommentsViolation(doc, transaction, commentsWriter(writer)),
      maxBytes: MAX_COMMENTS_DOCUMENT_BYTES,
    };
  }
  const record = await store.getDocument(docId);
  return {
    validate: templateValidator(record),
    maxBytes: MAX_DOCUMENT_BYTES,
    locked: record !== null && isContentLocked(record.status),
    describe: (doc, transaction) => cellEditsOf(transaction, (type) => rootNameOf(doc, type)),
  };
}

/** Built once per room: the template's lookups are made then, not for every update. */
function templateValidator(record: DocumentRecord | null): UpdateValidator {
  const template = record ? getTemplate(record.templateId) : undefined;
  if (!template) return () => "the document's template is unknown to this server";
  const check = templateChecker(template);
  return (doc, transaction) => check(doc, transaction);
}

/** The names of a document's roots by type, made again only when one is not known (a root was added or typed). */
const rootNamesByDoc = new WeakMap<Y.Doc, Map<unknown, string>>();

function rootNameOf(doc: Y.Doc, type: unknown): string | undefined {
  const known = rootNamesByDoc.get(doc)?.get(type);
  if (known !== undefined) return known;
  const names = new Map<unknown, string>([...doc.share].map(([name, root]) => [root, name]));
  rootNamesByDoc.set(doc, names);
  return names.get(type);
}

/** The connection's account as the comments model's checks see it, with the policy's say on thread status. */
function commentsWriter(grant: ConnectionGrant): CommentsWriter {
  return {
    accountId: grant.accountId,
    name: grant.displayName,
    now: Date.now(),
    mayChangeStatus: (thread, to) => mayChangeThreadStatus(grant.level, grant.accountId === thread.createdBy, to),
  };
}

/** Content documents stamped with an older template version are migrated when loaded. */
export function upgradeRoom(room: string, doc: Y.Doc): void {
  if (parseRoomName(room).part === "content") upgradeDocument(doc);
}
