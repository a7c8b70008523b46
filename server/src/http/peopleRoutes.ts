import { randomId } from "@karta/doc";
import { personLabel } from "@karta/domain";
import {
  createRegistryPersonRequest,
  type DirectoryEntry,
  grantRoleRequest,
  type Invitation,
  invitePersonRequest,
  type Person,
  type RegistryPerson,
  setCuratedSchoolsRequest,
  updateRegistryPersonRequest,
} from "@karta/schema";
import { mayManageRegistryPerson, visibleOrganisations } from "../access/policy.ts";
import { hashSecret, newSecret } from "../auth/secrets.ts";
import { INVITATION_TTL_MS } from "../limits.ts";
import { messages } from "../messages.ts";
import type { Services } from "../services.ts";
import type { AccountRecord, RegistryPersonRecord } from "../storage/DirectoryStore.ts";
import { HttpError, readBody, sendJson, sendNoContent } from "./json.ts";
import { type Manager, requireManaged, requireManager, requireRoleFits } from "./requireManager.ts";
import type { RequestContext, Route } from "./router.ts";

/**
 * People of the coordinator's organisations: invitations, roles and curator
 * assignments. Every change of rights re-checks that person's open sockets.
 */
export function peopleRoutes(services: Services): Route[] {
  const { directory, audit, live } = services;

  const personOf = async (account: AccountRecord): Promise<Person> => {
    const [grants, curated] = await Promise.all([
      directory.listGrants(account.id),
      directory.listCuratedSchools(account.id),
    ]);
    return {
      id: account.id,
      login: account.login,
      fullName: account.fullName,
      position: account.position,
      organisationId: account.organisationId,
      roles: grants.map((g) => ({ id: g.id, role: g.role, organisationId: g.organisationId })),
      curatedSchoolIds: curated.map((c) => c.schoolId),
      active: account.passwordHash !== null,
    };
  };

  /** A person the coordinator manages (their organisation is within scope), or 404. */
  const managedPerson = async (ctx: RequestContext, manager: Manager): Promise<AccountRecord> => {
    const account = await directory.getAccount(ctx.params.id ?? "");
    if (!account || !manager.managed.has(account.organisationId)) {
      throw new HttpError(404, "not-found", messages.personNotFound);
    }
    return account;
  };

  /**
   * A new invitation link sets a new password: whoever uses it becomes that person,
   * with every right they have. So only a coordinator who manages all of those
   * rights may issue it; otherwise a municipal coordinator could take over, say,
   * a regional coordinator whose account happens to sit in one of their schools.
   */
  const requireAllRightsManaged = async (manager: Manager, account: AccountRecord): Promise<void> => {
    const [grants, curated] = await Promise.all([
      directory.listGrants(account.id),
      directory.listCuratedSchools(account.id),
    ]);
    const places = [...grants.map((g) => g.organisationId), ...curated.map((c) => c.schoolId)];
    if (places.some((id) => !manager.managed.has(id))) {
      throw new HttpError(403, "beyond-scope", messages.personBeyondScope);
    }
  };

  const invite = async (accountId: string): Promise<Invitation> => {
    const secret = newSecret();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS).toISOString();
    await directory.createInvitation(hashSecret(secret), accountId, expiresAt);
    return { path: `/invite/${secret}`, expiresAt };
  };

  const toRegistryPerson = (r: RegistryPersonRecord): RegistryPerson => ({
    id: r.id,
    fullName: r.fullName,
    position: r.position,
    organisationId: r.organisationId,
    label: personLabel(r),
  });

  /** 403 unless the policy lets this coordinator keep the registry of that organisation. */
  const requireRegistryKeeper = (manager: Manager, organisationId: string): void => {
    if (!mayManageRegistryPerson(manager.auth.principal, manager.tree, organisationId)) {
      throw new HttpError(403, "forbidden", messages.forbidden);
    }
  };

  /** A person of the registry this coordinator keeps, or 404 (one beyond their scope is not told apart). */
  const keptRegistryPerson = async (ctx: RequestContext, manager: Manager): Promise<RegistryPersonRecord> => {
    const record = await directory.getRegistryPerson(ctx.params.id ?? "");
    if (!record || !mayManageRegistryPerson(manager.auth.principal, manager.tree, record.organisationId)) {
      throw new HttpError(404, "not-found", messages.registryPersonNotFound);
    }
    return record;
  };

  const changedRights = async (accountId: string) => live.recheckAccount(accountId);

  return [
    {
      method: "GET",
      path: "/api/people/directory",
      async handle(ctx) {
        const { principal } = await ctx.user();
        const tree = await services.access.tree();
        const visible = visibleOrganisations(principal, tree);
        const [accounts, registry] = await Promise.all([directory.listAccounts(), directory.listRegistryPeople()]);
        // People without accounts are picked the same way: «И.Н. Хняч — директор МКУО ЦОКО».
        const entries = [...accounts, ...registry]
          .filter((p) => visible.has(p.organisationId))
          .map(
            (p): DirectoryEntry => ({
              id: p.id,
              fullName: p.fullName,
              position: p.position,
              organisationName: tree.get(p.organisationId)?.name ?? "",
              label: personLabel(p),
            }),
          )
          .sort((a, b) => a.fullName.localeCompare(b.fullName, "ru"));
        sendJson(ctx.res, 200, entries);
      },
    },
    {
      method: "GET",
      path: "/api/people/registry",
      async handle(ctx) {
        const manager = await requireManager(ctx, services);
        const kept = (await directory.listRegistryPeople()).filter((r) =>
          mayManageRegistryPerson(manager.auth.principal, manager.tree, r.organisationId),
        );
        sendJson(ctx.res, 200, kept.map(toRegistryPerson));
      },
    },
    {
      method: "POST",
      path: "/api/people/registry",
      async handle(ctx) {
        const manager = await requireManager(ctx, services);
        const body = await readBody(ctx.req, createRegistryPersonRequest);
        requireRegistryKeeper(manager, body.organisationId);
        const record: RegistryPersonRecord = {
          id: randomId(16),
          fullName: body.fullName,
          position: body.position,
          organisationId: body.organisationId,
        };
        await directory.createRegistryPerson(record);
        await audit.record({
          action: "registry-person-added",
          actorId: manager.auth.principal.accountId,
          scopeOrganisationId: record.organisationId,
          subject: personLabel(record),
        });
        sendJson(ctx.res, 201, toRegistryPerson(record));
      },
    },
    {
      method: "PATCH",
      path: "/api/people/registry/:id",
      async handle(ctx) {
        const manager = await requireManager(ctx, services);
        const record = await keptRegistryPerson(ctx, manager);
        const changes = await readBody(ctx.req, updateRegistryPersonRequest);
        if (changes.organisationId !== undefined) requireRegistryKeeper(manager, changes.organisationId);
        await directory.updateRegistryPerson(record.id, changes);
        const changed = (await directory.getRegistryPerson(record.id)) as RegistryPersonRecord;
        await audit.record({
          action: "registry-person-updated",
          actorId: manager.auth.principal.accountId,
          scopeOrganisationId: changed.organisationId,
          subject: personLabel(changed),
          details: personLabel(record),
        });
        sendJson(ctx.res, 200, toRegistryPerson(changed));
      },
    },
    {
      method: "DELETE",
      path: "/api/people/registry/:id",
      async handle(ctx) {
        const manager = await requireManager(ctx, services);
        const record = await keptRegistryPerson(ctx, manager);
        await directory.deleteRegistryPerson(record.id);
        await audit.record({
          action: "registry-person-removed",
          actorId: manager.auth.principal.accountId,
          scopeOrganisationId: record.organisationId,
          subject: personLabel(record),
        });
        sendNoContent(ctx.res);
      },
    },
    {
      method: "GET",
      path: "/api/people",
      async handle(ctx) {
        const manager = await requireManager(ctx, services);
        const accounts = (await directory.listAccounts()).filter((a) => manager.managed.has(a.organisationId));
        sendJson(ctx.res, 200, await Promise.all(accounts.map(personOf)));
      },
    },
    {
      method: "POST",
      path: "/api/people",
      async handle(ctx) {
        const manager = await requireManager(ctx, services);
        const body = await readBody(ctx.req, invitePersonRequest);
        const roleOrganisationId = body.roleOrganisationId ?? body.organisationId;
        requireManaged(manager, body.organisationId);
        requireManaged(manager, roleOrganisationId);
        requireRoleFits(manager, body.role, roleOrganisationId);
        // Logins are unique over the whole tree: the answer must not tell whether the
        // login is someone's in this coordinator's scope or somewhere else, nor echo it.
        if (await directory.findAccountByLogin(body.login)) {
          throw new HttpError(409, "login-taken", messages.loginUnavailable);
        }
        const account: AccountRecord = {
          id: randomId(16),
          login: body.login,
          fullName: body.fullName,
          position: body.position,
          organisationId: body.organisationId,
          passwordHash: null,
        };
        await directory.createAccount(account);
        await directory.addGrant({
          id: randomId(16),
          accountId: account.id,
          role: body.role,
          organisationId: roleOrganisationId,
        });
        const invitation = await invite(account.id);
        const actorId = manager.auth.principal.accountId;
        await audit.record({
          action: "person-invited",
          actorId,
          scopeOrganisationId: account.organisationId,
          subject: `${account.fullName} (${account.login})`,
        });
        await audit.record({
          action: "role-granted",
          actorId,
          scopeOrganisationId: roleOrganisationId,
          subject: account.login,
          details: `${body.role} @ ${manager.tree.get(roleOrganisationId)?.name ?? roleOrganisationId}`,
        });
        sendJson(ctx.res, 201, { person: await personOf(account), invitation });
      },
    },
    {
      method: "POST",
      path: "/api/people/:id/invitation",
      async handle(ctx) {
        const manager = await requireManager(ctx, services);
        const account = await managedPerson(ctx, manager);
        await requireAllRightsManaged(manager, account);
        const invitation = await invite(account.id);
        await audit.record({
          action: "person-invited",
          actorId: manager.auth.principal.accountId,
          scopeOrganisationId: account.organisationId,
          subject: `${account.fullName} (${account.login})`,
          details: "new link",
        });
        sendJson(ctx.res, 201, invitation);
      },
    },
    {
      method: "POST",
      path: "/api/people/:id/roles",
      async handle(ctx) {
        const manager = await requireManager(ctx, services);
        const account = await managedPerson(ctx, manager);
        const { role, organisationId } = await readBody(ctx.req, grantRoleRequest);
        requireManaged(manager, organisationId);
        requireRoleFits(manager, role, organisationId);
        await directory.addGrant({ id: randomId(16), accountId: account.id, role, organisationId });
        await audit.record({
          action: "role-granted",
          actorId: manager.auth.principal.accountId,
          scopeOrganisationId: organisationId,
          subject: account.login,
          details: `${role} @ ${manager.tree.get(organisationId)?.name ?? organisationId}`,
        });
        await changedRights(account.id);
        sendJson(ctx.res, 200, await personOf(account));
      },
    },
    {
      method: "DELETE",
      path: "/api/people/:id/roles/:grantId",
      async handle(ctx) {
        const manager = await requireManager(ctx, services);
        const account = await managedPerson(ctx, manager);
        const grant = (await directory.listGrants(account.id)).find((g) => g.id === ctx.params.grantId);
        if (!grant) throw new HttpError(404, "not-found", messages.grantNotFound);
        requireManaged(manager, grant.organisationId);
        await directory.removeGrant(grant.id);
        await audit.record({
          action: "role-revoked",
          actorId: manager.auth.principal.accountId,
          scopeOrganisationId: grant.organisationId,
          subject: account.login,
          details: `${grant.role} @ ${manager.tree.get(grant.organisationId)?.name ?? grant.organisationId}`,
        });
        await changedRights(account.id);
        sendJson(ctx.res, 200, await personOf(account));
      },
    },
    {
      method: "PUT",
      path: "/api/people/:id/curated-schools",
      async handle(ctx) {
        const manager = await requireManager(ctx, services);
        const account = await managedPerson(ctx, manager);
        const { schoolIds } = await readBody(ctx.req, setCuratedSchoolsRequest);
        for (const id of schoolIds) {
          requireManaged(manager, id);
          if (manager.tree.get(id)?.kind !== "school")
            throw new HttpError(400, "not-a-school", messages.curatorSchoolsOnly);
        }
        // Assignments outside this coordinator's scope are someone else's to change.
        const current = (await directory.listCuratedSchools(account.id)).map((c) => c.schoolId);
        const kept = current.filter((id) => !manager.managed.has(id));
        await directory.setCuratedSchools(account.id, [...kept, ...schoolIds]);
        const names = schoolIds.map((id) => manager.tree.get(id)?.name ?? id).join(", ");
        await audit.record({
          action: "curator-assigned",
          actorId: manager.auth.principal.accountId,
          scopeOrganisationId: account.organisationId,
          subject: account.login,
          details: names || "—",
        });
        await changedRights(account.id);
        sendJson(ctx.res, 200, await personOf(account));
      },
    },
  ];
}
