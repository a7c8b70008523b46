import type { AccessLevel } from "@karta/schema";
import type { Principal } from "../access/policy.ts";
import { messages } from "../messages.ts";
import type { Services } from "../services.ts";
import type { DocumentRecord } from "../storage/DocumentStore.ts";
import { HttpError } from "./json.ts";
import type { RequestContext } from "./router.ts";

/**
 * The document of the route's `:id` and what the signed-in person may do with
 * it (access/policy.ts). A document they may not read is answered as one that
 * does not exist (404): ids are not confirmed to outsiders.
 */
export async function readableDocument(
  services: Services,
  ctx: RequestContext,
): Promise<{ principal: Principal; record: DocumentRecord; level: Exclude<AccessLevel, "none"> }> {
  const { principal } = await ctx.user();
  const record = await services.store.getDocument(ctx.params.id ?? "");
  const level = record ? await services.access.documentAccess(principal, record) : "none";
  if (!record || level === "none") throw new HttpError(404, "not-found", messages.documentNotFound);
  return { principal, record, level };
}
