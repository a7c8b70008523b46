import type { SchoolStatus, SchoolType } from "@karta/schema";
import type Database from "better-sqlite3";
import type {
  AccountRecord,
  AuditRecord,
  CredentialRecord,
  DirectoryStore,
  GrantRecord,
  LoginFailureFilter,
  NewAuditRecord,
  OrganisationRecord,
  RegistryPersonRecord,
  TokenRecord,
} from "./DirectoryStore.ts";
import {
  type AccountRow,
  type AssignmentRow,
  type AuditRow,
  type GrantRow,
  type OrganisationRow,
  type RegistryPersonRow,
  type TokenRow,
  toAccount,
  toAudit,
  toGrant,
  toOrganisation,
  toRegistryPerson,
  toToken,
} from "./directoryRows.ts";

/** Accounts, organisations, roles, credentials and the audit log in the embedded SQLite database. */
export class SqliteDirectory implements DirectoryStore {
  constructor(private readonly db: Database.Database) {}

  async listOrganisations(): Promise<OrganisationRecord[]> {
    const rows = this.db.prepare<[], OrganisationRow>("SELECT * FROM organisations ORDER BY kind, name").all();
    const statuses = this.db
      .prepare<[], { org_id: string; year: number; status: SchoolStatus }>("SELECT * FROM school_statuses")
      .all();
    const byOrg = new Map<string, Record<string, SchoolStatus>>();
    for (const s of statuses) {
      const record = byOrg.get(s.org_id) ?? {};
      record[String(s.year)] = s.status;
      byOrg.set(s.org_id, record);
    }
    return rows.map((r) => toOrganisation(r, byOrg.get(r.id) ?? {}));
  }

  async getOrganisation(id: string): Promise<OrganisationRecord | null> {
    const row = this.db.prepare<[string], OrganisationRow>("SELECT * FROM organisations WHERE id = ?").get(id);
    if (!row) return null;
    const statuses = this.db
      .prepare<[string], { year: number; status: SchoolStatus }>(
        "SELECT year, status FROM school_statuses WHERE org_id = ?",
      )
      .all(id);
    return toOrganisation(row, Object.fromEntries(statuses.map((s) => [String(s.year), s.status])));
  }

  async createOrganisation(record: Omit<OrganisationRecord, "statuses">): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO organisations (id, parent_id, kind, name, school_type, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(record.id, record.parentId, record.kind, record.name, record.schoolType, new Date().toISOString());
  }

  async updateOrganisation(id: string, changes: { name?: string; schoolType?: SchoolType }): Promise<void> {
    this.db
      .prepare("UPDATE organisations SET name = coalesce(?, name), school_type = coalesce(?, school_type) WHERE id = ?")
      .run(changes.name ?? null, changes.schoolType ?? null, id);
  }

  async setSchoolStatus(id: string, year: number, status: SchoolStatus | null): Promise<void> {
    if (status === null) {
      this.db.prepare("DELETE FROM school_statuses WHERE org_id = ? AND year = ?").run(id, year);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO school_statuses (org_id, year, status) VALUES (?, ?, ?)
         ON CONFLICT (org_id, year) DO UPDATE SET status = excluded.status`,
      )
      .run(id, year, status);
  }

  async listAccounts(): Promise<AccountRecord[]> {
    return this.db.prepare<[], AccountRow>("SELECT * FROM accounts ORDER BY full_name").all().map(toAccount);
  }

  async getAccount(id: string): Promise<AccountRecord | null> {
    const row = this.db.prepare<[string], AccountRow>("SELECT * FROM accounts WHERE id = ?").get(id);
    return row ? toAccount(row) : null;
  }

  async findAccountByLogin(login: string): Promise<AccountRecord | null> {
    const row = this.db.prepare<[string], AccountRow>("SELECT * FROM accounts WHERE login = ?").get(login);
    return row ? toAccount(row) : null;
  }

  async createAccount(r: AccountRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO accounts (id, login, full_name, position, org_id, password_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(r.id, r.login, r.fullName, r.position, r.organisationId, r.passwordHash, new Date().toISOString());
  }

  async setPasswordHash(accountId: string, hash: string): Promise<void> {
    this.db.prepare("UPDATE accounts SET password_hash = ? WHERE id = ?").run(hash, accountId);
  }

  async listRegistryPeople(): Promise<RegistryPersonRecord[]> {
    return this.db
      .prepare<[], RegistryPersonRow>("SELECT * FROM registry_people ORDER BY full_name, id")
      .all()
      .map(toRegistryPerson);
  }

  async getRegistryPerson(id: string): Promise<RegistryPersonRecord | null> {
    const row = this.db.prepare<[string], RegistryPersonRow>("SELECT * FROM registry_people WHERE id = ?").get(id);
    return row ? toRegistryPerson(row) : null;
  }

  async createRegistryPerson(r: RegistryPersonRecord): Promise<void> {
    this.db
      .prepare("INSERT INTO registry_people (id, full_name, position, org_id, created_at) VALUES (?, ?, ?, ?, ?)")
      .run(r.id, r.fullName, r.position, r.organisationId, new Date().toISOString());
  }

  async updateRegistryPerson(
    id: string,
    changes: { fullName?: string; position?: string; organisationId?: string },
  ): Promise<void> {
    this.db
      .prepare(
        `UPDATE registry_people SET full_name = coalesce(?, full_name), position = coalesce(?, position),
           org_id = coalesce(?, org_id) WHERE id = ?`,
      )
      .run(changes.fullName ?? null, changes.position ?? null, changes.organisationId ?? null, id);
  }

  async deleteRegistryPerson(id: string): Promise<void> {
    this.db.prepare("DELETE FROM registry_people WHERE id = ?").run(id);
  }

  async listGrants(accountId?: string): Promise<GrantRecord[]> {
    const rows =
      accountId === undefined
        ? this.db.prepare<[], GrantRow>("SELECT * FROM role_grants").all()
        : this.db.prepare<[string], GrantRow>("SELECT * FROM role_grants WHERE account_id = ?").all(accountId);
    return rows.map(toGrant);
  }

  async addGrant(g: GrantRecord): Promise<void> {
    this.db
      .prepare("INSERT OR IGNORE INTO role_grants (id, account_id, role, org_id) VALUES (?, ?, ?, ?)")
      .run(g.id, g.accountId, g.role, g.organisationId);
  }

  async removeGrant(grantId: string): Promise<void> {
    this.db.prepare("DELETE FROM role_grants WHERE id = ?").run(grantId);
  }

  async listCuratedSchools(accountId?: string): Promise<{ accountId: string; schoolId: string }[]> {
    const rows =
      accountId === undefined
        ? this.db.prepare<[], AssignmentRow>("SELECT * FROM curator_assignments").all()
        : this.db
            .prepare<[string], AssignmentRow>("SELECT * FROM curator_assignments WHERE account_id = ?")
            .all(accountId);
    return rows.map((r) => ({ accountId: r.account_id, schoolId: r.school_id }));
  }

  async setCuratedSchools(accountId: string, schoolIds: readonly string[]): Promise<void> {
    const insert = this.db.prepare("INSERT INTO curator_assignments (account_id, school_id) VALUES (?, ?)");
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM curator_assignments WHERE account_id = ?").run(accountId);
      for (const schoolId of new Set(schoolIds)) insert.run(accountId, schoolId);
    })();
  }

  async createSession(id: string, tokenHash: string, accountId: string, expiresAt: string): Promise<void> {
    this.db
      .prepare("INSERT INTO sessions (id, token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
      .run(id, tokenHash, accountId, new Date().toISOString(), expiresAt);
  }

  async createToken(record: TokenRecord, tokenHash: string): Promise<void> {
    this.db
      .prepare("INSERT INTO api_tokens (id, token_hash, account_id, name, created_at) VALUES (?, ?, ?, ?, ?)")
      .run(record.id, tokenHash, record.accountId, record.name, record.createdAt);
  }

  async listTokens(accountId: string): Promise<TokenRecord[]> {
    return this.db
      .prepare<[string], TokenRow>(
        "SELECT id, account_id, name, created_at FROM api_tokens WHERE account_id = ? ORDER BY created_at",
      )
      .all(accountId)
      .map(toToken);
  }

  async findCredential(tokenHash: string): Promise<CredentialRecord | null> {
    const session = this.db
      .prepare<[string], { id: string; account_id: string; expires_at: string }>(
        "SELECT id, account_id, expires_at FROM sessions WHERE token_hash = ?",
      )
      .get(tokenHash);
    if (session)
      return { id: session.id, kind: "session", accountId: session.account_id, expiresAt: session.expires_at };
    const token = this.db
      .prepare<[string], { id: string; account_id: string }>(
        "SELECT id, account_id FROM api_tokens WHERE token_hash = ?",
      )
      .get(tokenHash);
    return token ? { id: token.id, kind: "token", accountId: token.account_id, expiresAt: null } : null;
  }

  async deleteCredential(id: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM sessions WHERE id = ?").run(id);
      this.db.prepare("DELETE FROM api_tokens WHERE id = ?").run(id);
    })();
  }

  async deleteCredentialsOf(accountId: string): Promise<string[]> {
    return this.db.transaction(() =>
      ["sessions", "api_tokens"].flatMap((table) =>
        this.db
          .prepare<[string], { id: string }>(`DELETE FROM ${table} WHERE account_id = ? RETURNING id`)
          .all(accountId)
          .map((r) => r.id),
      ),
    )();
  }

  async createInvitation(tokenHash: string, accountId: string, expiresAt: string): Promise<void> {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.replaceOpenInvitations(accountId, now);
      this.db
        .prepare("INSERT INTO invitations (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
        .run(tokenHash, accountId, now, expiresAt);
    })();
  }

  async findInvitation(tokenHash: string, now: string): Promise<{ accountId: string } | "spent" | "expired" | null> {
    const row = this.db
      .prepare<
        [string],
        { account_id: string; expires_at: string; used_at: string | null; replaced_at: string | null }
      >("SELECT account_id, expires_at, used_at, replaced_at FROM invitations WHERE token_hash = ?")
      .get(tokenHash);
    if (!row) return null;
    if (row.used_at || row.replaced_at) return "spent";
    if (row.expires_at <= now) return "expired";
    return { accountId: row.account_id };
  }

  async acceptInvitation(tokenHash: string, passwordHash: string, now: string): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.db
        .prepare<{ token: string; now: string }, { account_id: string }>(
          `UPDATE invitations SET used_at = @now
           WHERE token_hash = @token AND used_at IS NULL AND replaced_at IS NULL AND expires_at > @now
           RETURNING account_id`,
        )
        .get({ token: tokenHash, now });
      if (!row) return false;
      this.replaceOpenInvitations(row.account_id, now);
      this.db.prepare("UPDATE accounts SET password_hash = ? WHERE id = ?").run(passwordHash, row.account_id);
      return true;
    })();
  }

  async recordLoginFailure(login: string, source: string, ts: number, forgetBefore: number): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM login_failures WHERE ts < ?").run(forgetBefore);
      this.db.prepare("INSERT INTO login_failures (login, source, ts) VALUES (?, ?, ?)").run(login, source, ts);
    })();
  }

  async nthLoginFailure(filter: LoginFailureFilter, nth: number, since: number): Promise<number | null> {
    const row = this.db
      .prepare<{ source: string; login: string | null; since: number; offset: number }, { ts: number }>(
        `SELECT ts FROM login_failures
         WHERE source = @source AND (@login IS NULL OR login = @login) AND ts >= @since
         ORDER BY ts DESC LIMIT 1 OFFSET @offset`,
      )
      .get({ source: filter.source, login: filter.login ?? null, since, offset: nth - 1 });
    return row?.ts ?? null;
  }

  async clearLoginFailures(login: string, source: string): Promise<void> {
    this.db.prepare("DELETE FROM login_failures WHERE login = ? AND source = ?").run(login, source);
  }

  async appendAudit(e: NewAuditRecord, repeatSince?: string): Promise<void> {
    const now = new Date().toISOString();
    const entry = { ...e, now, since: repeatSince ?? null };
    this.db.transaction(() => {
      const repeated =
        repeatSince !== undefined &&
        this.db
          .prepare(
            `UPDATE audit_log SET count = count + 1, last_ts = @now WHERE id = (
               SELECT id FROM audit_log
               WHERE action = @action AND subject = @subject AND details = @details
                 AND actor_id IS @actorId AND scope_org_id IS @scopeOrganisationId AND last_ts >= @since
               ORDER BY id DESC LIMIT 1)`,
          )
          .run(entry).changes > 0;
      if (repeated) return;
      this.db
        .prepare(
          `INSERT INTO audit_log (ts, last_ts, action, actor_id, scope_org_id, subject, details)
           VALUES (@now, @now, @action, @actorId, @scopeOrganisationId, @subject, @details)`,
        )
        .run(entry);
    })();
  }

  async listAudit(
    scopeOrganisationIds: readonly string[],
    includeUnscoped: boolean,
    page: { limit: number; before?: number },
  ): Promise<AuditRecord[]> {
    const placeholders = scopeOrganisationIds.map(() => "?").join(", ") || "NULL";
    return this.db
      .prepare<unknown[], AuditRow>(
        `SELECT * FROM audit_log
         WHERE (scope_org_id IN (${placeholders}) OR (? AND scope_org_id IS NULL)) AND id < ?
         ORDER BY id DESC LIMIT ?`,
      )
      .all(...scopeOrganisationIds, includeUnscoped ? 1 : 0, page.before ?? Number.MAX_SAFE_INTEGER, page.limit)
      .map(toAudit);
  }

  async countAccounts(): Promise<number> {
    return this.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM accounts").get()?.n ?? 0;
  }

  /** Links of the account not used yet stop working: only the newest may set the password. */
  private replaceOpenInvitations(accountId: string, now: string): void {
    this.db
      .prepare(
        "UPDATE invitations SET replaced_at = ? WHERE account_id = ? AND used_at IS NULL AND replaced_at IS NULL",
      )
      .run(now, accountId);
  }
}
