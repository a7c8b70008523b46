import { randomId } from "@karta/doc";
import type { OrganisationKind } from "@karta/schema";
import { hashSecret, newSecret } from "../auth/secrets.ts";
import { INVITATION_TTL_MS } from "../limits.ts";
import { messages } from "../messages.ts";
import type { DirectoryStore, OrganisationRecord } from "../storage/DirectoryStore.ts";

export interface NewCoordinator {
  readonly login: string;
  readonly fullName: string;
  readonly position: string;
  /** The region, found by its exact name or created. */
  readonly region: string;
  /** The municipality in that region, found or created; without it the person coordinates the region. */
  readonly municipality?: string;
}

export interface CreatedCoordinator {
  readonly accountId: string;
  readonly organisationId: string;
  /** Where the person sets their password: append it to the server's address. */
  readonly invitationPath: string;
  readonly expiresAt: string;
}

export class BootstrapError extends Error {}

/**
 * The first coordinator of a deployment without the demo: nobody is there
 * yet to invite them from the «Люди» page. Creates the region and the
 * municipality when they are new, the account without a password, the
 * coordinator role on the municipality (or the region) and a one-time
 * invitation link, so no password ever passes through a command line.
 */
export async function createCoordinator(directory: DirectoryStore, input: NewCoordinator): Promise<CreatedCoordinator> {
  if (await directory.findAccountByLogin(input.login)) throw new BootstrapError(messages.loginTaken(input.login));
  const organisations = await directory.listOrganisations();
  const region = await findOrCreate(directory, organisations, null, "region", input.region);
  const scope = input.municipality
    ? await findOrCreate(directory, organisations, region.id, "municipality", input.municipality)
    : region;
  const accountId = randomId(16);
  await directory.createAccount({
    id: accountId,
    login: input.login,
    fullName: input.fullName,
    position: input.position,
    organisationId: scope.id,
    passwordHash: null,
  });
  await directory.addGrant({ id: randomId(16), accountId, role: "coordinator", organisationId: scope.id });
  const secret = newSecret();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS).toISOString();
  await directory.createInvitation(hashSecret(secret), accountId, expiresAt);
  await directory.appendAudit({
    action: "person-invited",
    actorId: null,
    scopeOrganisationId: scope.id,
    subject: input.login,
    details: messages.bootstrapAuditDetails,
  });
  return { accountId, organisationId: scope.id, invitationPath: `/invite/${secret}`, expiresAt };
}

async function findOrCreate(
  directory: DirectoryStore,
  organisations: readonly OrganisationRecord[],
  parentId: string | null,
  kind: OrganisationKind,
  name: string,
): Promise<Pick<OrganisationRecord, "id">> {
  const found = organisations.find((o) => o.name === name && o.kind === kind && o.parentId === parentId);
  if (found) return found;
  const clash = organisations.find((o) => o.name === name);
  if (clash) throw new BootstrapError(messages.bootstrapNameClash(name));
  const record = { id: randomId(12), parentId, kind, name, schoolType: null };
  await directory.createOrganisation(record);
  return record;
}
