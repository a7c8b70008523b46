import { firstRowsQuery, getTemplate } from "@karta/schema";
import { firstRowsResponse } from "../documents/firstRows.ts";
import type { Services } from "../services.ts";
import { readQuery, sendJson } from "./json.ts";
import { readableDocument } from "./readableDocument.ts";
import type { Route } from "./router.ts";

/**
 * GET /api/documents/<id>/first-rows?limit=: the document's first screen as
 * text, for whoever may read it (documents/firstRows.ts). The page asks for it
 * from its entry module, before the app has loaded, and draws it until the
 * grid's own rows are drawn. The room is loaded as for a sync socket (the
 * page's socket asks for the same document at the same moment).
 */
export function firstRowsRoutes(services: Services): Route[] {
  return [
    {
      method: "GET",
      path: "/api/documents/:id/first-rows",
      async handle(ctx) {
        const { record } = await readableDocument(services, ctx);
        const { limit } = readQuery(ctx.url, firstRowsQuery);
        const template = getTemplate(record.templateId);
        if (!template) throw new Error(`document ${record.id} has no known template`);
        const room = await services.rooms.open(record.id);
        sendJson(ctx.res, 200, firstRowsResponse(room.doc, template, record, limit));
      },
    },
  ];
}
