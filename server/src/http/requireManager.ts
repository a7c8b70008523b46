import { ROLE_PLACES, type Role } from "@karta/schema";
import type { Authenticated } from "../access/AccessControl.ts";
import type { OrganisationTree } from "../access/OrganisationTree.ts";
import { managedOrganisations } from "../access/policy.ts";
import { messages } from "../messages.ts";
import type { Services } from "../services.ts";
import { HttpError } from "./json.ts";
import type { RequestContext } from "./router.ts";

export interface Manager {
  readonly auth: Authenticated;
  readonly tree: OrganisationTree;
  /** Every organisation this coordinator manages. */
  readonly managed: ReadonlySet<string>;
}

/** The signed-in coordinator and their scope; 403 for anyone else. */
export async function requireManager(ctx: RequestContext, services: Services): Promise<Manager> {
  const auth = await ctx.user();
  const tree = await services.access.tree();
  const managed = managedOrganisations(auth.principal, tree);
  if (managed.size === 0) {
    const account = await services.directory.getAccount(auth.principal.accountId);
    await services.audit.record({
      action: "access-refused",
      actorId: auth.principal.accountId,
      scopeOrganisationId: account?.organisationId ?? null,
      subject: `${ctx.req.method} ${ctx.url.pathname}`,
      details: "not a coordinator",
    });
    throw new HttpError(403, "forbidden", messages.notCoordinator);
  }
  return { auth, tree, managed };
}

/** 400 unless the role may be granted on an organisation of that kind (ROLE_PLACES). */
export function requireRoleFits(manager: Manager, role: Role, organisationId: string): void {
  const kind = manager.tree.get(organisationId)?.kind;
  if (!kind || !ROLE_PLACES[role].includes(kind))
    throw new HttpError(400, "role-does-not-fit", messages.roleDoesNotFit);
}

/** 403 unless the organisation is within the coordinator's scope. */
export function requireManaged(manager: Manager, organisationId: string): void {
  if (!manager.managed.has(organisationId)) throw new HttpError(403, "forbidden", messages.forbidden);
}
