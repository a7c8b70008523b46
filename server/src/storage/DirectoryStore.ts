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

/** Someone named in «Ответственные» who has no account and never signs in. */
export interface RegistryPersonRecord {
  readonly id: string;
  readonly fullName: string;
  readonly position: string;
  readonly organisationId: string;
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
  /** How many times it happened: repeats of a flood-prone event add up here (1 normally). */
  readonly count: number;
  /** The last time it happened; `at` is the first. */
  readonly lastAt: string;
}

export type NewAuditRecord = Omit<AuditRecord, "id" | "at" | "count" | "lastAt">;

/** Which failed logins to count: those from a source, and of one login from it if given. */
export interface LoginFailureFilter {
  readonly source: string;
  readonly login?: string;
}

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

  /** People without accounts, by name. */
  listRegistryPeople(): Promise<RegistryPersonRecord[]>;
  getRegistryPerson(id: string): Promise<RegistryPersonRecord | null>;
  createRegistryPerson(record: RegistryPersonRecord): Promise<void>;
  updateRegistryPerson(
    id: string,
    changes: { fullName?: string; position?: string; organisationId?: string },
  ): Promise<void>;
  deleteRegistryPerson(id: string): Promise<void>;

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
  /** Ends every session and revokes every API token of an account; the ids of those ended. */
  deleteCredentialsOf(accountId: string): Promise<string[]>;

  /** A new link for the account; every earlier unused link of it stops working. */
  createInvitation(tokenHash: string, accountId: string, expiresAt: string): Promise<void>;
  /**
   * The account an unused, unexpired invitation is for; "spent" when it was used
   * or a newer link replaced it, "expired", or null if unknown.
   */
  findInvitation(tokenHash: string, now: string): Promise<{ accountId: string } | "spent" | "expired" | null>;
  /**
   * Sets the password, marks the invitation used and every other link of the
   * account spent, atomically; false if it could no longer be used.
   */
  acceptInvitation(tokenHash: string, passwordHash: string, now: string): Promise<boolean>;

  /** Records a failed login and forgets failures older than `forgetBefore`. */
  recordLoginFailure(login: string, source: string, ts: number, forgetBefore: number): Promise<void>;
  /** When the nth most recent failure since `since` happened; null if there were fewer. */
  nthLoginFailure(filter: LoginFailureFilter, nth: number, since: number): Promise<number | null>;
  clearLoginFailures(login: string, source: string): Promise<void>;

  /**
   * Appends an entry; with `repeatSince`, an identical entry last seen since
   * then counts one more instead (its count and lastAt).
   */
  appendAudit(entry: NewAuditRecord, repeatSince?: string): Promise<void>;
  /**
   * Newest first, `limit` entries with an id below `before` if given: those of
   * these organisations, and those of none (failed logins of unknown logins) if asked.
   */
  listAudit(
    scopeOrganisationIds: readonly string[],
    includeUnscoped: boolean,
    page: { limit: number; before?: number },
  ): Promise<AuditRecord[]>;

  countAccounts(): Promise<number>;
}
