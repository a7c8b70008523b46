import { KartaDocument, restoreVersion } from "@karta/doc";
import { type AccessLevel, accessAtLeast, isContentLocked, type VersionJson, versionRequest } from "@karta/schema";
import * as Y from "yjs";
import { messages } from "../messages.ts";
import type { Services } from "../services.ts";
import type { VersionInfo } from "../storage/DocumentStore.ts";
import { HttpError, readBody, sendJson } from "./json.ts";
import { readableDocument } from "./readableDocument.ts";
import type { RequestContext, Route } from "./router.ts";

/**
 * A document's versions: listed for whoever reads it, saved by name by whoever
 * comments or edits, read whole (a Yjs update, to show it read-only), and
 * restored by its editors as a forward change everyone sees live.
 */
export function versionsRoutes(services: Services): Route[] {
  async function documentFor(ctx: RequestContext, needed: AccessLevel, refusal: string) {
    const { principal, record, level } = await readableDocument(services, ctx);
    if (!accessAtLeast(level, needed)) throw new HttpError(403, "forbidden", refusal);
    return { principal, record };
  }

  async function versionFor(ctx: RequestContext, docId: string) {
    const id = Number(ctx.params.vid);
    const version = Number.isSafeInteger(id) ? await services.store.getVersion(docId, id) : null;
    if (!version) throw new HttpError(404, "not-found", messages.versionNotFound);
    return version;
  }

  async function toJson(versions: readonly VersionInfo[]): Promise<VersionJson[]> {
    const names = new Map((await services.directory.listAccounts()).map((a) => [a.id, a.fullName]));
    return versions.map((v) => ({
      id: v.id,
      kind: v.kind,
      name: v.name,
      createdBy: v.createdBy ? { id: v.createdBy, name: names.get(v.createdBy) ?? "" } : null,
      createdAt: v.createdAt,
    }));
  }

  return [
    {
      method: "GET",
      path: "/api/documents/:id/versions",
      async handle(ctx) {
        const { record } = await documentFor(ctx, "read", messages.documentNotFound);
        sendJson(ctx.res, 200, await toJson(await services.store.listVersions(record.id)));
      },
    },
    {
      method: "POST",
      path: "/api/documents/:id/versions",
      async handle(ctx) {
        const { principal, record } = await documentFor(ctx, "comment", messages.cannotSaveVersion);
        const { name } = await readBody(ctx.req, versionRequest);
        const id = await services.versions.take(record.id, "named", name, principal.accountId);
        services.events.publish(record.id, { type: "summary" });
        const [created] = await toJson((await services.store.listVersions(record.id)).filter((v) => v.id === id));
        sendJson(ctx.res, 201, created);
      },
    },
    {
      method: "GET",
      path: "/api/documents/:id/versions/:vid/update",
      async handle(ctx) {
        const { record } = await documentFor(ctx, "read", messages.documentNotFound);
        const { state } = await versionFor(ctx, record.id);
        ctx.res.writeHead(200, {
          "content-type": "application/octet-stream",
          "content-length": state.byteLength,
          "cache-control": "private, max-age=86400, immutable",
        });
        ctx.res.end(state);
      },
    },
    {
      method: "POST",
      path: "/api/documents/:id/versions/:vid/restore",
      async handle(ctx) {
        const { principal, record } = await documentFor(ctx, "edit", messages.cannotRestoreVersion);
        if (isContentLocked(record.status)) throw new HttpError(409, "locked", messages.restoreWhileLocked);
        const version = await versionFor(ctx, record.id);
        const then = new Y.Doc();
        Y.applyUpdate(then, version.state);
        const room = await services.rooms.open(record.id);
        await room.applyServerChange((doc) => {
          const current = KartaDocument.open(doc);
          if (current) restoreVersion(current, then);
        });
        then.destroy();
        services.events.publish(record.id, { type: "summary" });
        await services.audit.record({
          action: "version-restored",
          actorId: principal.accountId,
          scopeOrganisationId: record.organisationId,
          subject: `${record.title} (${record.organisation})`,
          details: `${version.info.kind} ${version.info.name} ${version.info.createdAt}`.trim(),
        });
        sendJson(ctx.res, 200, (await toJson([version.info]))[0]);
      },
    },
  ];
}
