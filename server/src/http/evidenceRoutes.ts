import { randomId } from "@karta/doc";
import { contentDisposition } from "@karta/export";
import {
  type AccessLevel,
  accessAtLeast,
  type EvidenceJson,
  evidenceLinkRequest,
  evidenceReviewRequest,
  evidenceUploadQuery,
  getTemplate,
  isContentLocked,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_NAME_LENGTH,
} from "@karta/schema";
import { mayReviewEvidence } from "../access/policy.ts";
import { TooLargeError } from "../evidence/EvidenceFiles.ts";
import { sniffEvidence } from "../evidence/sniffEvidence.ts";
import { messages } from "../messages.ts";
import type { Services } from "../services.ts";
import type { DocumentRecord } from "../storage/DocumentStore.ts";
import type { EvidenceRecord } from "../storage/EvidenceStore.ts";
import { HttpError, readBody, readQuery, sendJson, sendNoContent } from "./json.ts";
import type { RequestContext, Route } from "./router.ts";

const MEGABYTES = MAX_EVIDENCE_BYTES / (1024 * 1024);

/** What is read and thrown away of a body refused as too large, for its sender to get the answer. */
const DISCARD_LIMIT_BYTES = MAX_EVIDENCE_BYTES;
/** How long a refused upload's connection is read after its answer before it is destroyed. */
const LINGER_MS = 10_000;

/**
 * Evidence on a measure (подтверждающие документы) of a document's rows:
 * - GET  /api/documents/<id>/evidence: the list, for whoever may read the document;
 * - POST /api/documents/<id>/evidence/files?table=&row=&name=: a file, the raw bytes
 *   as the body (at most MAX_EVIDENCE_BYTES, counted as they arrive), its type read
 *   from the bytes; by the document's editors, not while it is on agreement;
 * - POST /api/documents/<id>/evidence/links {table, rowId, url, title?}: a link, likewise;
 * - GET  /api/documents/<id>/evidence/<eid>/file: the bytes, as an attachment of the type
 *   read when they were received, for whoever may read the document;
 * - POST /api/documents/<id>/evidence/<eid>/review {verdict, reason}: «принято» / «не
 *   принято» (with its reason), by `mayReviewEvidence`;
 * - DELETE /api/documents/<id>/evidence/<eid>: removed by an editor.
 * As the comments routes: 404 for a document that does not exist, 403 for one this
 * person may not read (or not at the level needed). Each change is journaled and
 * published as an `evidence` event for the document's open pages.
 */
export function evidenceRoutes(services: Services): Route[] {
  const { evidence, evidenceFiles: files } = services;

  async function documentFor(ctx: RequestContext, needed: AccessLevel, refusal: string) {
    const { principal } = await ctx.user();
    const record = await services.store.getDocument(ctx.params.id ?? "");
    if (!record) throw new HttpError(404, "not-found", messages.documentNotFound);
    const level = await services.access.documentAccess(principal, record);
    if (level === "none") throw new HttpError(403, "forbidden", messages.cannotReadEvidence);
    if (!accessAtLeast(level, needed)) throw new HttpError(403, "forbidden", refusal);
    return { principal, record };
  }

  /** An editor's change: refused while the document is on agreement, as its content is. */
  async function editableDocument(ctx: RequestContext) {
    const found = await documentFor(ctx, "edit", messages.cannotAttachEvidence);
    if (isContentLocked(found.record.status)) throw new HttpError(409, "locked", messages.evidenceWhileLocked);
    return found;
  }

  function checkTable(record: DocumentRecord, tableId: string): void {
    const table = getTemplate(record.templateId)?.tables.find((t) => t.id === tableId);
    if (!table?.columns.some((c) => c.evidence)) {
      throw new HttpError(400, "no-evidence-here", messages.noEvidenceInTable);
    }
  }

  async function evidenceOf(ctx: RequestContext, docId: string): Promise<EvidenceRecord> {
    const found = await evidence.get(docId, ctx.params.eid ?? "");
    if (!found || found.removed) throw new HttpError(404, "not-found", messages.evidenceNotFound);
    return found;
  }

  async function toJson(records: readonly EvidenceRecord[]): Promise<EvidenceJson[]> {
    const names = new Map((await services.directory.listAccounts()).map((a) => [a.id, a.fullName]));
    const person = (id: string) => ({ id, name: names.get(id) ?? "" });
    return records.map((r) => ({
      id: r.id,
      table: r.table,
      rowId: r.rowId,
      kind: r.kind,
      name: r.name,
      url: r.url,
      size: r.size,
      mediaType: r.mediaType,
      uploadedBy: person(r.uploadedBy),
      uploadedAt: r.uploadedAt,
      review:
        r.verdict && r.reviewedBy && r.reviewedAt
          ? { verdict: r.verdict, reason: r.reason, by: person(r.reviewedBy), at: r.reviewedAt }
          : null,
    }));
  }

  async function added(ctx: RequestContext, record: DocumentRecord, item: EvidenceRecord, actorId: string) {
    await services.audit.record({
      action: "evidence-attached",
      actorId,
      scopeOrganisationId: record.organisationId,
      subject: `${record.title} (${record.organisation})`,
      details: item.kind === "file" ? `${item.name}, ${item.size} B, ${item.mediaType}` : (item.url ?? ""),
    });
    services.events.publish(record.id, { type: "evidence" });
    sendJson(ctx.res, 201, (await toJson([item]))[0]);
  }

  return [
    {
      method: "GET",
      path: "/api/documents/:id/evidence",
      async handle(ctx) {
        const { record } = await documentFor(ctx, "read", messages.cannotReadEvidence);
        sendJson(ctx.res, 200, await toJson(await evidence.list(record.id)));
      },
    },
    {
      method: "POST",
      path: "/api/documents/:id/evidence/files",
      async handle(ctx) {
        const { principal, record } = await editableDocument(ctx);
        const query = readQuery(ctx.url, evidenceUploadQuery);
        checkTable(record, query.table);
        const declared = Number(ctx.req.headers["content-length"]);
        if (declared > MAX_EVIDENCE_BYTES) refuseTooLarge(ctx, declared);
        let received: Awaited<ReturnType<typeof files.receive>>;
        try {
          // Not destroyed when the limit stops the reading: the rest is discarded (refuseTooLarge).
          received = await files.receive(ctx.req.iterator({ destroyOnReturn: false }), MAX_EVIDENCE_BYTES);
        } catch (error) {
          if (error instanceof TooLargeError) refuseTooLarge(ctx, Number.NaN);
          throw error;
        }
        const mediaType = await sniffEvidence(received.tempPath);
        if (!mediaType) {
          await files.discard(received);
          throw new HttpError(415, "unsupported-file-type", messages.evidenceWrongType);
        }
        await files.keep(received);
        const item = newEvidence(record.id, query.table, query.row, principal.accountId, {
          kind: "file",
          name: fileNameOf(query.name),
          url: null,
          sha256: received.sha256,
          size: received.size,
          mediaType,
        });
        await evidence.add(item);
        await added(ctx, record, item, principal.accountId);
      },
    },
    {
      method: "POST",
      path: "/api/documents/:id/evidence/links",
      async handle(ctx) {
        const { principal, record } = await editableDocument(ctx);
        const body = await readBody(ctx.req, evidenceLinkRequest);
        checkTable(record, body.table);
        const item = newEvidence(record.id, body.table, body.rowId, principal.accountId, {
          kind: "link",
          name: body.title || body.url.slice(0, MAX_EVIDENCE_NAME_LENGTH),
          url: body.url,
          sha256: null,
          size: null,
          mediaType: null,
        });
        await evidence.add(item);
        await added(ctx, record, item, principal.accountId);
      },
    },
    {
      method: "GET",
      path: "/api/documents/:id/evidence/:eid/file",
      async handle(ctx) {
        const { record } = await documentFor(ctx, "read", messages.cannotReadEvidence);
        const item = await evidenceOf(ctx, record.id);
        if (item.kind !== "file" || !item.sha256 || !item.mediaType) {
          throw new HttpError(404, "not-a-file", messages.evidenceNotAFile);
        }
        const stored = await files.open(item.sha256);
        if (!stored) {
          services.log.error({ docId: record.id, evidenceId: item.id }, "an evidence file is missing");
          throw new HttpError(500, "file-missing", messages.evidenceFileMissing);
        }
        ctx.res.writeHead(200, {
          "content-type": item.mediaType,
          "content-length": stored.size,
          "content-disposition": contentDisposition(item.name),
          "x-content-type-options": "nosniff",
          "cache-control": "private, no-store",
        });
        stored.stream.on("error", () => ctx.res.destroy());
        stored.stream.pipe(ctx.res);
      },
    },
    {
      method: "POST",
      path: "/api/documents/:id/evidence/:eid/review",
      async handle(ctx) {
        const { principal, record } = await documentFor(ctx, "read", messages.cannotReadEvidence);
        const tree = await services.access.tree();
        if (!mayReviewEvidence(principal, tree, record.organisationId)) {
          throw new HttpError(403, "forbidden", messages.cannotReviewEvidence);
        }
        const body = await readBody(ctx.req, evidenceReviewRequest);
        if (body.verdict === "rejected" && !body.reason) {
          throw new HttpError(400, "reason-required", messages.evidenceNeedsReason);
        }
        const item = await evidenceOf(ctx, record.id);
        const at = new Date().toISOString();
        const done = await evidence.review(record.id, item.id, { ...body, by: principal.accountId, at });
        if (!done) throw new HttpError(404, "not-found", messages.evidenceNotFound);
        await services.audit.record({
          action: "evidence-reviewed",
          actorId: principal.accountId,
          scopeOrganisationId: record.organisationId,
          subject: `${record.title} (${record.organisation})`,
          details: [`${item.name}: ${body.verdict}`, body.reason].filter(Boolean).join("; "),
        });
        services.events.publish(record.id, { type: "evidence" });
        const updated = await evidence.get(record.id, item.id);
        sendJson(ctx.res, 200, (await toJson(updated ? [updated] : []))[0]);
      },
    },
    {
      method: "DELETE",
      path: "/api/documents/:id/evidence/:eid",
      async handle(ctx) {
        const { principal, record } = await editableDocument(ctx);
        const item = await evidenceOf(ctx, record.id);
        if (!(await evidence.remove(record.id, item.id))) {
          throw new HttpError(404, "not-found", messages.evidenceNotFound);
        }
        await services.audit.record({
          action: "evidence-removed",
          actorId: principal.accountId,
          scopeOrganisationId: record.organisationId,
          subject: `${record.title} (${record.organisation})`,
          details: item.kind === "file" ? item.name : (item.url ?? ""),
        });
        services.events.publish(record.id, { type: "evidence" });
        sendNoContent(ctx.res);
      },
    },
  ];
}

/**
 * 413 as soon as the body is known to be too large. The rest of it is read and
 * thrown away, never kept, so that the client (which is still sending) gets
 * the answer instead of a broken connection; a client that goes on sending
 * more than DISCARD_LIMIT_BYTES more, or announces as much, is cut off.
 * A body of unknown length (chunked) may have to be cut off, so its answer
 * says `Connection: close` (a client that reused the connection for its next
 * request would have that request reset) and the connection lingers.
 */
function refuseTooLarge(ctx: RequestContext, declared: number): never {
  const { req, res } = ctx;
  const lengthKnown = Number.isFinite(declared);
  const cutOffNow = lengthKnown && declared > MAX_EVIDENCE_BYTES + DISCARD_LIMIT_BYTES;
  if (cutOffNow) {
    res.setHeader("connection", "close");
  } else {
    if (!lengthKnown) {
      res.setHeader("connection", "close");
      lingerOnClose(ctx);
    }
    let discarded = 0;
    req.on("data", (chunk: Buffer) => {
      discarded += chunk.byteLength;
      if (discarded > DISCARD_LIMIT_BYTES) req.socket.destroy();
    });
    req.resume();
  }
  throw new HttpError(413, "too-large", messages.evidenceTooLarge(MEGABYTES));
}

/**
 * Node destroys a `Connection: close` socket as soon as the answer is flushed;
 * what the client is still sending then meets a reset, which can make its
 * system throw away the answer unread. Instead the answer is followed by a
 * half close, and the socket is destroyed when the client has stopped sending
 * (the request's end), was cut off, or after LINGER_MS (a lingering close).
 */
function lingerOnClose({ req, res }: RequestContext): void {
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  req.on("end", () => {
    if (res.writableFinished) socket.destroy();
    else res.once("finish", () => socket.destroy());
  });
}

/** The name as a person gave it, without a path and control characters, cut to the limit keeping its extension. */
export function fileNameOf(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim();
  if (base.length <= MAX_EVIDENCE_NAME_LENGTH) return base || "файл";
  const dot = base.lastIndexOf(".");
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : "";
  return base.slice(0, MAX_EVIDENCE_NAME_LENGTH - extension.length) + extension;
}

/** A file or link just attached: by whom and when, not yet reviewed. */
function newEvidence(
  docId: string,
  table: string,
  rowId: string,
  by: string,
  what: Pick<EvidenceRecord, "kind" | "name" | "url" | "sha256" | "size" | "mediaType">,
): EvidenceRecord {
  return {
    id: randomId(16),
    docId,
    table,
    rowId,
    ...what,
    uploadedBy: by,
    uploadedAt: new Date().toISOString(),
    verdict: null,
    reason: "",
    reviewedBy: null,
    reviewedAt: null,
    removed: false,
  };
}
