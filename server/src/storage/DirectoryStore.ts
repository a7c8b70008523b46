import type { AuditAction, OrganisationKind, Role, SchoolStatus, SchoolType } from "@karta/schema";

/**
 * Durable storage of who is who: the organisation tree, accounts, roles,
 * curator assignments, sessions, tokens, invitations and the audit log.
 * Like DocumentStore it is all promises, so a PostgreSQL store can implement
 * it; access decisions are not made here (see access/policy.ts).
 */

export interface OrganisationRecord {
  readonly id: string;
  readonly parentId: string | null;
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly schoolType: SchoolType | null;
  /** Status per year. */
  readonly statuses: Readonly<Record<string, SchoolStatus>>;
}

export interface AccountRecord {
  readonly id: string;
  readonly login: string;
  readonly fullName: string;
  readonly position: string;
  readonly organisationId: string;
  /** null until the person sets a password through an invitation. */
  readonly passwordHash: string | null;
}

export interface GrantRecord {
  readonly id: string;
  readonly accountId: string;
  readonly role: Role;
  readonly organisationId: string;
}

/** A session or an API token, found by the hash of its secret. */
export interface CredentialRecord {
  readonly id: string;
  readonly kind: "session" | "token";
  readonly accountId: string;
  /** null: a token, valid until revoked. */
  readonly expiresAt: string | null;
}

export interface TokenRecord {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface AuditRecord {
  readonly id: number;
  readonly at: string;
  readonly action: AuditAction;
  readonly actorId: string | null;
  /** The organisation whose coordinators may read this entry. */
  readonly scopeOrganisationId: string | null;
  readonly subject: string;
  readonly details: string;
}

export type NewAuditRecord = Omit<AuditRecord, "id" | "at">;

export interface DirectoryStore {
  listOrganisations(): Promise<OrganisationRecord[]>;
  getOrganisation(id: string): Promise<OrganisationRecord | null>;
  createOrganisation(record: Omit<OrganisationRecord, "statuses">): Promise<void>;
  updateOrganisation(id: string, changes: { name?: string; schoolType?: SchoolType }): Promise<void>;
  setSchoolStatus(id: string, year: number, status: SchoolStatus | null): Promise<void>;

  listAccounts(): Promise<AccountRecord[]>;
  getAccount(id: string): Promise<AccountRecord | null>;
  findAccountByLogin(login: string): Promise<AccountRecord | null>;
  createAccount(record: AccountRecord): Promise<void>;
  setPasswordHash(accountId: string, hash: string): Promise<void>;

  listGrants(accountId?: string): Promise<GrantRecord[]>;
  addGrant(grant: GrantRecord): Promise<void>;
  removeGrant(grantId: string): Promise<void>;
  listCuratedSchools(accountId?: string): Promise<{ accountId: string; schoolId: string }[]>;
  setCuratedSchools(accountId: string, schoolIds: readonly string[]): Promise<void>;

  createSession(id: string, tokenHash: string, accountId: string, expiresAt: string): Promise<void>;
  createToken(record: TokenRecord, tokenHash: string): Promise<void>;
  listTokens(accountId: string): Promise<TokenRecord[]>;
  findCredential(tokenHash: string): Promise<CredentialRecord | null>;
  deleteCredential(id: string): Promise<void>;
  /** Ends every session of an account (not its API tokens); the ids of those ended. */
  deleteSessionsOf(accountId: string): Promise<string[]>;

  createInvitation(tokenHash: string, accountId: string, expiresAt: string): Promise<void>;
  /** The account an unused, unexpired invitation is for; "used" or "expired" if so, null if unknown. */
  findInvitation(tokenHash: string, now: string): Promise<{ accountId: string } | "used" | "expired" | null>;
  /** Sets the password and marks the invitation used, atomically; false if it was already used. */
  acceptInvitation(tokenHash: string, passwordHash: string, now: string): Promise<boolean>;

  recordLoginFailure(login: string, ts: number): Promise<void>;
  countLoginFailures(login: string, since: number): Promise<number>;
  clearLoginFailures(login: string): Promise<void>;

  appendAudit(entry: NewAuditRecord): Promise<void>;
  /** Newest first: entries of these organisations, and those of none (failed logins of unknown logins) if asked. */
  listAudit(scopeOrganisationIds: readonly string[], includeUnscoped: boolean, limit: number): Promise<AuditRecord[]>;

  countAccounts(): Promise<number>;
}
