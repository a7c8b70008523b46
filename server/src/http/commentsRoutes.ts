import {
  CommentsModel,
  CommentWriteError,
  cellAnchorFor,
  KartaDocument,
  MAX_COMMENT_LENGTH,
  readThreads,
} from "@karta/doc";
import { personLabel } from "@karta/domain";
import {
  type AccessLevel,
  accessAtLeast,
  commentsDocumentId,
  createCommentRequest,
  type DocumentPerson,
  type MentionJson,
} from "@karta/schema";
import type { Principal } from "../access/policy.ts";
import { mentionsOf } from "../comments/commentDigest.ts";
import { threadsJson } from "../comments/threadsJson.ts";
import { messages } from "../messages.ts";
import type { Services } from "../services.ts";
import type { DocumentRecord } from "../storage/DocumentStore.ts";
import { HttpError, readBody, sendJson, sendNoContent } from "./json.ts";
import type { RequestContext, Route } from "./router.ts";

/**
 * A document's comments over HTTP, under the rules of its sync rooms: whoever
 * may read the document reads its threads; whoever may comment writes. The
 * app itself works through the `<docId>:comments` room; these are for scripts
 * and the documents list.
 */
export function commentsRoutes(services: Services): Route[] {
  /** The document and this person's access to it: 404 if there is none, 403 below `needed`. */
  async function documentFor(ctx: RequestContext, needed: AccessLevel, refusal: string) {
    const { principal } = await ctx.user();
    const record = await services.store.getDocument(ctx.params.id ?? "");
    if (!record) throw new HttpError(404, "not-found", messages.documentNotFound);
    const level = await services.access.documentAccess(principal, record);
    if (!accessAtLeast(level, needed)) throw new HttpError(403, "forbidden", refusal);
    return { principal, record, level };
  }

  /** The content as a typed document (from its room, loaded if needed). */
  async function contentOf(record: DocumentRecord): Promise<KartaDocument> {
    const room = await services.rooms.open(record.id);
    const document = KartaDocument.open(room.doc);
    if (!document) throw new Error(`document ${record.id} has no known template`);
    return document;
  }

  return [
    {
      method: "GET",
      path: "/api/documents/:id/comments",
      async handle(ctx) {
        const { record } = await documentFor(ctx, "read", messages.cannotReadComments);
        const comments = await services.rooms.open(commentsDocumentId(record.id));
        sendJson(ctx.res, 200, threadsJson(readThreads(comments.doc), await contentOf(record)));
      },
    },
    {
      method: "POST",
      path: "/api/documents/:id/comments",
      async handle(ctx) {
        const { principal, record } = await documentFor(ctx, "comment", messages.cannotComment);
        const body = await readBody(ctx.req, createCommentRequest);
        const content = await contentOf(record);
        const { anchor } = body;
        if (anchor && !cellExists(content, anchor)) {
          throw new HttpError(400, "unknown-cell", messages.commentCellNotFound);
        }
        const room = await services.rooms.open(commentsDocumentId(record.id));
        let threadId = "";
        const outcome: { refusal?: CommentWriteError } = {};
        await room.applyServerChange((doc) => {
          const model = new CommentsModel(doc);
          try {
            threadId = model.openThread(
              { accountId: principal.accountId, name: principal.fullName },
              anchor ? cellAnchorFor(content, anchor.table, anchor.rowId, anchor.columnId) : { kind: "document" },
              body.text,
            ).threadId;
          } catch (error) {
            if (!(error instanceof CommentWriteError)) throw error;
            outcome.refusal = error;
          } finally {
            model.destroy();
          }
        });
        if (outcome.refusal) throw commentRefusal(outcome.refusal);
        const thread = threadsJson(readThreads(room.doc), content).find((t) => t.id === threadId);
        if (!thread) throw new Error("the new thread was not stored");
        sendJson(ctx.res, 201, thread);
      },
    },
    {
      method: "POST",
      path: "/api/documents/:id/comments/seen",
      async handle(ctx) {
        const { principal, record } = await documentFor(ctx, "read", messages.cannotReadComments);
        await services.store.markCommentsSeen(principal.accountId, record.id, new Date().toISOString());
        // Their unread count in the summary changed (the others' streams find theirs the same and send nothing).
        services.events.publish(record.id, { type: "summary" });
        sendNoContent(ctx.res);
      },
    },
    {
      method: "GET",
      path: "/api/documents/:id/people",
      async handle(ctx) {
        const { record } = await documentFor(ctx, "read", messages.cannotReadComments);
        const tree = await services.access.tree();
        const people: DocumentPerson[] = [];
        for (const account of await services.directory.listAccounts()) {
          const principal = await services.access.principal(account.id);
          const access = principal ? await services.access.documentAccess(principal, record, tree) : "none";
          if (access === "none") continue;
          people.push({ id: account.id, fullName: account.fullName, label: personLabel(account), access });
        }
        people.sort((a, b) => a.fullName.localeCompare(b.fullName, "ru"));
        sendJson(ctx.res, 200, people);
      },
    },
    {
      method: "GET",
      path: "/api/comments/mentions",
      async handle(ctx) {
        const { principal } = await ctx.user();
        sendJson(ctx.res, 200, await mentionsFor(services, principal));
      },
    },
  ];
}

async function mentionsFor(services: Services, principal: Principal): Promise<MentionJson[]> {
  const [digests, seen, records, tree] = await Promise.all([
    services.commentActivity.all(),
    services.store.listCommentsSeen(principal.accountId),
    services.store.listDocuments(),
    services.access.tree(),
  ]);
  const found: MentionJson[] = [];
  for (const record of records) {
    const digest = digests.get(record.id);
    if (!digest) continue;
    if ((await services.access.documentAccess(principal, record, tree)) === "none") continue;
    for (const mention of mentionsOf(digest, principal.accountId, seen.get(record.id))) {
      found.push({
        documentId: record.id,
        documentTitle: record.title,
        organisation: record.organisation,
        threadId: mention.threadId,
        author: { id: mention.authorId, name: mention.authorName },
        text: mention.text,
        at: mention.at,
        unread: mention.unread,
      });
    }
  }
  return found.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

function cellExists(content: KartaDocument, anchor: { table: string; rowId: string; columnId: string }): boolean {
  const table = content.template.tables.find((t) => t.id === anchor.table);
  if (!table?.columns.some((c) => c.id === anchor.columnId)) return false;
  return content
    .table(anchor.table)
    .rows()
    .some((r) => r.id === anchor.rowId);
}

function commentRefusal(error: CommentWriteError): HttpError {
  if (error.code === "too-long") {
    return new HttpError(400, "comment-too-long", messages.commentTooLong(MAX_COMMENT_LENGTH));
  }
  return new HttpError(400, "comment-empty", messages.commentEmpty);
}
