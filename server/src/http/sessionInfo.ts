import type { SessionInfo } from "@karta/schema";
import type { Authenticated } from "../access/AccessControl.ts";
import { creatableOrganisations, managedRoots } from "../access/policy.ts";
import type { Services } from "../services.ts";

/** Tokens never expire by time; the session info shows a date far enough ahead. */
const NO_EXPIRY = "9999-12-31T23:59:59.000Z";

export async function sessionInfoOf(services: Services, auth: Authenticated): Promise<SessionInfo> {
  const { principal, credential } = auth;
  const [account, grants, tree] = await Promise.all([
    services.directory.getAccount(principal.accountId),
    services.directory.listGrants(principal.accountId),
    services.access.tree(),
  ]);
  if (!account) throw new Error(`account ${principal.accountId} vanished`);
  const organisation = await services.directory.getOrganisation(account.organisationId);
  return {
    user: {
      id: account.id,
      login: account.login,
      fullName: account.fullName,
      position: account.position,
      organisationId: account.organisationId,
      organisationName: organisation?.name ?? "",
      roles: grants.map((g) => ({ id: g.id, role: g.role, organisationId: g.organisationId })),
      curatedSchoolIds: [...principal.curatedSchoolIds],
      managedOrganisationIds: managedRoots(principal),
      creatableOrganisationIds: creatableOrganisations(principal, tree),
    },
    expiresAt: credential.expiresAt ?? NO_EXPIRY,
  };
}
