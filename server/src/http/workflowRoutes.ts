import { nextStatus, type TransitionAction, transitionRequest } from "@karta/schema";
import { mayTransition } from "../access/policy.ts";
import { summariesFor } from "../documents/documentSummaries.ts";
import { messages } from "../messages.ts";
import type { Services } from "../services.ts";
import type { VersionKind } from "../storage/DocumentStore.ts";
import { HttpError, readBody, sendJson } from "./json.ts";
import type { Route } from "./router.ts";

/** The workflow steps that store the content as a version, so that "changed since" has something to compare to. */
const VERSIONED: Partial<Record<TransitionAction, VersionKind>> = {
  submit: "submit",
  agree: "agree",
  approve: "approve",
};

/**
 * POST /api/documents/<id>/transitions: a document moves along the agreement.
 * 403 to a person the policy does not allow, 409 to a step the current status
 * does not allow (or that lacks its reason or order), the new summary otherwise.
 */
export function workflowRoutes(services: Services): Route[] {
  return [
    {
      method: "POST",
      path: "/api/documents/:id/transitions",
      async handle(ctx) {
        const { principal } = await ctx.user();
        const record = await services.store.getDocument(ctx.params.id ?? "");
        const tree = await services.access.tree();
        if (!record) throw new HttpError(404, "not-found", messages.documentNotFound);
        const body = await readBody(ctx.req, transitionRequest);
        const { action } = body;
        if (!mayTransition(principal, tree, record.organisationId, action)) {
          throw new HttpError(403, "forbidden", messages.transitionForbidden(action));
        }
        const to = nextStatus(record.status, action);
        if (to === null) {
          throw new HttpError(409, "transition-not-allowed", messages.transitionNotAllowed(record.status, action));
        }
        if (action === "return" && !body.reason)
          throw new HttpError(409, "reason-required", messages.returnNeedsReason);
        if (action === "approve" && !body.order) throw new HttpError(409, "order-required", messages.approveNeedsOrder);

        // Locked first, so that no edit slips in between the step and the version it stores.
        await services.rooms.setLocked(record.id, to === "submitted");
        const moved = await services.store.recordTransition({
          docId: record.id,
          action,
          from: record.status,
          to,
          actorId: principal.accountId,
          reason: body.reason ?? null,
          // An approval records its order; going back to черновик clears it; other steps keep it.
          order: action === "approve" ? (body.order ?? null) : action === "reopen" ? null : record.order,
          at: new Date().toISOString(),
        });
        if (!moved) {
          const now = await services.store.getDocument(record.id);
          await services.rooms.setLocked(record.id, now?.status === "submitted");
          throw new HttpError(409, "status-changed", messages.statusChangedMeanwhile);
        }
        // Sockets re-decided, and other instances told to lock, before the version is taken, so
        // that they stop taking edits as soon as they can; take() reads what they stored until then.
        await services.live.recheckDocument(record.id);
        const kind = VERSIONED[action];
        if (kind) await services.versions.take(record.id, kind, "", principal.accountId);
        await services.audit.record({
          action: "document-status-changed",
          actorId: principal.accountId,
          scopeOrganisationId: record.organisationId,
          subject: `${record.title} (${record.organisation})`,
          details: [
            `${record.status} → ${to}`,
            body.reason,
            body.order && `№ ${body.order.number} от ${body.order.date}`,
          ]
            .filter(Boolean)
            .join("; "),
        });
        // Every open page of the document hears of the step (each reader gets their own summary).
        services.events.publish(record.id, { type: "summary" });
        const updated = await services.store.getDocument(record.id);
        const [summary] = updated ? await summariesFor(services, principal, [updated]) : [];
        sendJson(ctx.res, 200, summary);
      },
    },
  ];
}
