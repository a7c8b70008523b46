import { KartaDocument } from "@karta/doc";
import {
  type AccessLevel,
  accessAtLeast,
  type CellConflictJson,
  type CellHistoryEntry,
  isContentLocked,
  resolveConflictRequest,
} from "@karta/schema";
import { z } from "zod";
import { messages } from "../messages.ts";
import type { Services } from "../services.ts";
import { HttpError, readBody, readQuery, sendJson } from "./json.ts";
import { readableDocument } from "./readableDocument.ts";
import type { RequestContext, Route } from "./router.ts";

const cellQuery = z.object({
  table: z.string().min(1).max(64),
  rowId: z.string().min(1).max(64),
  columnId: z.string().min(1).max(64),
});

/**
 * Who wrote what, cell by cell: a cell's history for whoever reads the
 * document, the conflicting writes Yjs resolved silently, and picking the value
 * a conflicting cell keeps (its editors), as a change everyone sees live.
 */
export function cellsRoutes(services: Services): Route[] {
  async function documentFor(ctx: RequestContext, needed: AccessLevel) {
    const { principal, record, level } = await readableDocument(services, ctx);
    if (!accessAtLeast(level, needed)) throw new HttpError(403, "forbidden", messages.cannotResolveConflict);
    return { principal, record };
  }

  async function names(): Promise<(id: string | null) => { id: string; name: string } | null> {
    const byId = new Map((await services.directory.listAccounts()).map((a) => [a.id, a.fullName]));
    return (id) => (id === null ? null : { id, name: byId.get(id) ?? "" });
  }

  return [
    {
      method: "GET",
      path: "/api/documents/:id/cells/history",
      async handle(ctx) {
        const { record } = await documentFor(ctx, "read");
        const cell = readQuery(ctx.url, cellQuery);
        const person = await names();
        const history = await services.store.cellHistory(record.id, cell.table, cell.rowId, cell.columnId);
        sendJson(
          ctx.res,
          200,
          history.map((e): CellHistoryEntry => ({ value: e.value, by: person(e.accountId), at: e.at })),
        );
      },
    },
    {
      method: "GET",
      path: "/api/documents/:id/conflicts",
      async handle(ctx) {
        const { record } = await documentFor(ctx, "read");
        const person = await names();
        const conflicts = await services.store.openConflicts(record.id);
        sendJson(
          ctx.res,
          200,
          conflicts.map(
            (c): CellConflictJson => ({
              id: c.id,
              table: c.table,
              rowId: c.rowId,
              columnId: c.columnId,
              kept: { value: c.kept.value, by: person(c.kept.by) },
              lost: { value: c.lost.value, by: person(c.lost.by) },
              at: c.at,
            }),
          ),
        );
      },
    },
    {
      method: "POST",
      path: "/api/documents/:id/conflicts/:cid/resolve",
      async handle(ctx) {
        const { principal, record } = await documentFor(ctx, "edit");
        if (isContentLocked(record.status)) throw new HttpError(409, "locked", messages.restoreWhileLocked);
        const { value } = await readBody(ctx.req, resolveConflictRequest);
        const conflict = (await services.store.openConflicts(record.id)).find((c) => c.id === Number(ctx.params.cid));
        if (!conflict) throw new HttpError(404, "not-found", messages.conflictNotFound);
        const room = await services.rooms.open(record.id);
        await room.applyServerChange((doc) => {
          const table = KartaDocument.open(doc)?.table(conflict.table);
          if (table?.rows().some((r) => r.id === conflict.rowId)) {
            const now = table.rows().find((r) => r.id === conflict.rowId)?.cells[conflict.columnId] ?? null;
            if (now !== value) table.setCell(conflict.rowId, conflict.columnId, value);
          }
        });
        await services.store.resolveConflict(record.id, conflict.id, principal.accountId, new Date().toISOString());
        services.events.publish(record.id, { type: "conflicts" });
        sendJson(ctx.res, 200, { resolved: conflict.id, value });
      },
    },
  ];
}
