import { type ContentChange, KartaDocument } from "@karta/doc";
import type { ChangesResponse } from "@karta/schema";
import { z } from "zod";
import { BaselineCache } from "../documents/baselineCache.ts";
import { messages } from "../messages.ts";
import type { Services } from "../services.ts";
import { HttpError, readQuery, sendJson } from "./json.ts";
import { readableDocument } from "./readableDocument.ts";
import type { Route } from "./router.ts";

const changesQuery = z.object({ since: z.literal("agreed") });

/**
 * GET /api/documents/<id>/changes?since=agreed: every cell, row and paragraph
 * that differs from the last agreed version, with the agreed value and the
 * current one, for whoever may read the document.
 */
export function changesRoutes(services: Services): Route[] {
  const baselines = new BaselineCache();
  return [
    {
      method: "GET",
      path: "/api/documents/:id/changes",
      async handle(ctx) {
        const { record } = await readableDocument(services, ctx);
        readQuery(ctx.url, changesQuery);
        const agreed = (await services.store.listVersions(record.id)).find((v) => v.kind === "agree");
        if (!agreed) throw new HttpError(409, "not-agreed", messages.notAgreedYet);
        const room = await services.rooms.open(record.id);
        const current = KartaDocument.open(room.doc);
        if (!current) throw new Error(`document ${record.id} has no known template`);
        const baseline = await baselines.get(record.id, agreed.id, current.template, async () => {
          const version = await services.store.getVersion(record.id, agreed.id);
          return version?.state ?? null;
        });
        if (!baseline) throw new HttpError(409, "not-agreed", messages.notAgreedYet);
        const numbers = new RowNumbers(current);
        const body: ChangesResponse = {
          since: { versionId: agreed.id, at: agreed.createdAt },
          changes: baseline.changes(current).map((change) => describe(change, current, numbers)),
        };
        sendJson(ctx.res, 200, body);
      },
    },
  ];
}

function describe(
  change: ContentChange,
  current: KartaDocument,
  numbers: RowNumbers,
): ChangesResponse["changes"][number] {
  switch (change.kind) {
    case "cell": {
      const table = current.template.tables.find((t) => t.id === change.table);
      return {
        ...change,
        rowNumber: numbers.of(change.table, change.rowId),
        columnTitle: table?.columns.find((c) => c.id === change.columnId)?.title ?? change.columnId,
      };
    }
    case "rowAdded":
    case "rowMoved":
      return { ...change, rowNumber: numbers.of(change.table, change.rowId) };
    case "rowDeleted":
      return { ...change, agreed: { ...change.agreed } };
    case "paragraph":
      return {
        ...change,
        sectionTitle: current.template.sections.find((s) => s.id === change.section)?.title ?? change.section,
        agreed: change.agreed === null ? null : plainText(change.agreed),
        current: change.current === null ? null : plainText(change.current),
      };
  }
}

/** № of rows by id, read once per table: a big table's changes would otherwise search it once each. */
class RowNumbers {
  private readonly tables = new Map<string, Map<string, number>>();

  constructor(private readonly current: KartaDocument) {}

  of(tableId: string, rowId: string): number {
    let numbers = this.tables.get(tableId);
    if (!numbers) {
      numbers = new Map(
        this.current
          .table(tableId)
          .rows()
          .map((r) => [r.id, r.number]),
      );
      this.tables.set(tableId, numbers);
    }
    return numbers.get(rowId) ?? 0;
  }
}

/** A paragraph's XML as the text a reader sees. */
function plainText(xml: string): string {
  return xml
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
