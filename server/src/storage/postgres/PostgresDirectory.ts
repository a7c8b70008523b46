import type { SchoolStatus, SchoolType } from "@karta/schema";
import type pg from "pg";
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
} from "../DirectoryStore.ts";
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
} from "../directoryRows.ts";
import { changes, type Queryable, row, rows, transaction } from "./pgQuery.ts";

/** Accounts, organisations, roles, credentials and the audit log in PostgreSQL (same semantics as SqliteDirectory). */
export class PostgresDirectory implements DirectoryStore {
  constructor(private readonly pool: pg.Pool) {}

  async listOrganisations(): Promise<OrganisationRecord[]> {
    const list = await rows<OrganisationRow>(this.pool, "SELECT * FROM organisations ORDER BY kind, name");
    const statuses = await rows<{ org_id: string; year: number; status: SchoolStatus }>(
      this.pool,
      "SELECT org_id, year, status FROM school_statuses",
    );
    const byOrg = new Map<string, Record<string, SchoolStatus>>();
    for (const s of statuses) {
      const record = byOrg.get(s.org_id) ?? {};
      record[String(s.year)] = s.status;
      byOrg.set(s.org_id, record);
    }
    return list.map((r) => toOrganisation(r, byOrg.get(r.id) ?? {}));
  }

  async getOrganisation(id: string): Promise<OrganisationRecord | null> {
    const found = await row<OrganisationRow>(this.pool, "SELECT * FROM organisations WHERE id = $1", [id]);
    if (!found) return null;
    const statuses = await rows<{ year: number; status: SchoolStatus }>(
      this.pool,
      "SELECT year, status FROM school_statuses WHERE org_id = $1",
      [id],
    );
    return toOrganisation(found, Object.fromEntries(statuses.map((s) => [String(s.year), s.status])));
  }

  async createOrganisation(record: Omit<OrganisationRecord, "statuses">): Promise<void> {
    await this.pool.query(
      `INSERT INTO organisations (id, parent_id, kind, name, school_type, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [record.id, record.parentId, record.kind, record.name, record.schoolType, new Date().toISOString()],
    );
  }

  async updateOrganisation(id: string, changes: { name?: string; schoolType?: SchoolType }): Promise<void> {
    await this.pool.query(
      "UPDATE organisations SET name = coalesce($1, name), school_type = coalesce($2, school_type) WHERE id = $3",
      [changes.name ?? null, changes.schoolType ?? null, id],
    );
  }

  async setSchoolStatus(id: string, year: number, status: SchoolStatus | null): Promise<void> {
    if (status === null) {
      await this.pool.query("DELETE FROM school_statuses WHERE org_id = $1 AND year = $2", [id, year]);
      return;
    }
    await this.pool.query(
      `INSERT INTO school_statuses (org_id, year, status) VALUES ($1, $2, $3)
       ON CONFLICT (org_id, year) DO UPDATE SET status = excluded.status`,
      [id, year, status],
    );
  }

  async listAccounts(): Promise<AccountRecord[]> {
    return (await rows<AccountRow>(this.pool, "SELECT * FROM accounts ORDER BY full_name")).map(toAccount);
  }

  async getAccount(id: string): Promise<AccountRecord | null> {
    const found = await row<AccountRow>(this.pool, "SELECT * FROM accounts WHERE id = $1", [id]);
    return found ? toAccount(found) : null;
  }

  async findAccountByLogin(login: string): Promise<AccountRecord | null> {
    const found = await row<AccountRow>(this.pool, "SELECT * FROM accounts WHERE login = $1", [login]);
    return found ? toAccount(found) : null;
  }

  async createAccount(r: AccountRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO accounts (id, login, full_name, position, org_id, password_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [r.id, r.login, r.fullName, r.position, r.organisationId, r.passwordHash, new Date().toISOString()],
    );
  }

  async setPasswordHash(accountId: string, hash: string): Promise<void> {
    await this.pool.query("UPDATE accounts SET password_hash = $1 WHERE id = $2", [hash, accountId]);
  }

  async listRegistryPeople(): Promise<RegistryPersonRecord[]> {
    const list = await rows<RegistryPersonRow>(this.pool, "SELECT * FROM registry_people ORDER BY full_name, id");
    return list.map(toRegistryPerson);
  }

  async getRegistryPerson(id: string): Promise<RegistryPersonRecord | null> {
    const found = await row<RegistryPersonRow>(this.pool, "SELECT * FROM registry_people WHERE id = $1", [id]);
    return found ? toRegistryPerson(found) : null;
  }

  async createRegistryPerson(r: RegistryPersonRecord): Promise<void> {
    await this.pool.query(
      "INSERT INTO registry_people (id, full_name, position, org_id, created_at) VALUES ($1, $2, $3, $4, $5)",
      [r.id, r.fullName, r.position, r.organisationId, new Date().toISOString()],
    );
  }

  async updateRegistryPerson(
    id: string,
    changes: { fullName?: string; position?: string; organisationId?: string },
  ): Promise<void> {
    await this.pool.query(
      `UPDATE registry_people SET full_name = coalesce($1, full_name), position = coalesce($2, position),
         org_id = coalesce($3, org_id) WHERE id = $4`,
      [changes.fullName ?? null, changes.position ?? null, changes.organisationId ?? null, id],
    );
  }

  async deleteRegistryPerson(id: string): Promise<void> {
    await this.pool.query("DELETE FROM registry_people WHERE id = $1", [id]);
  }

  async listGrants(accountId?: string): Promise<GrantRecord[]> {
    const list =
      accountId === undefined
        ? await rows<GrantRow>(this.pool, "SELECT * FROM role_grants")
        : await rows<GrantRow>(this.pool, "SELECT * FROM role_grants WHERE account_id = $1", [accountId]);
    return list.map(toGrant);
  }

  async addGrant(g: GrantRecord): Promise<void> {
    await this.pool.query(
      "INSERT INTO role_grants (id, account_id, role, org_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
      [g.id, g.accountId, g.role, g.organisationId],
    );
  }

  async removeGrant(grantId: string): Promise<void> {
    await this.pool.query("DELETE FROM role_grants WHERE id = $1", [grantId]);
  }

  async listCuratedSchools(accountId?: string): Promise<{ accountId: string; schoolId: string }[]> {
    const list =
      accountId === undefined
        ? await rows<AssignmentRow>(this.pool, "SELECT * FROM curator_assignments")
        : await rows<AssignmentRow>(this.pool, "SELECT * FROM curator_assignments WHERE account_id = $1", [accountId]);
    return list.map((r) => ({ accountId: r.account_id, schoolId: r.school_id }));
  }

  async setCuratedSchools(accountId: string, schoolIds: readonly string[]): Promise<void> {
    await transaction(this.pool, async (client) => {
      await lockAccount(client, accountId);
      await client.query("DELETE FROM curator_assignments WHERE account_id = $1", [accountId]);
      await client.query(
        "INSERT INTO curator_assignments (account_id, school_id) SELECT $1, s FROM unnest($2::text[]) AS t(s)",
        [accountId, [...new Set(schoolIds)]],
      );
    });
  }

  async createSession(id: string, tokenHash: string, accountId: string, expiresAt: string): Promise<void> {
    await this.pool.query(
      "INSERT INTO sessions (id, token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
      [id, tokenHash, accountId, new Date().toISOString(), expiresAt],
    );
  }

  async createToken(record: TokenRecord, tokenHash: string): Promise<void> {
    await this.pool.query(
      "INSERT INTO api_tokens (id, token_hash, account_id, name, created_at) VALUES ($1, $2, $3, $4, $5)",
      [record.id, tokenHash, record.accountId, record.name, record.createdAt],
    );
  }

  async listTokens(accountId: string): Promise<TokenRecord[]> {
    const list = await rows<TokenRow>(
      this.pool,
      "SELECT id, account_id, name, created_at FROM api_tokens WHERE account_id = $1 ORDER BY created_at",
      [accountId],
    );
    return list.map(toToken);
  }

  async findCredential(tokenHash: string): Promise<CredentialRecord | null> {
    const session = await row<{ id: string; account_id: string; expires_at: string }>(
      this.pool,
      "SELECT id, account_id, expires_at FROM sessions WHERE token_hash = $1",
      [tokenHash],
    );
    if (session)
      return { id: session.id, kind: "session", accountId: session.account_id, expiresAt: session.expires_at };
    const token = await row<{ id: string; account_id: string }>(
      this.pool,
      "SELECT id, account_id FROM api_tokens WHERE token_hash = $1",
      [tokenHash],
    );
    return token ? { id: token.id, kind: "token", accountId: token.account_id, expiresAt: null } : null;
  }

  async deleteCredential(id: string): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query("DELETE FROM sessions WHERE id = $1", [id]);
      await client.query("DELETE FROM api_tokens WHERE id = $1", [id]);
    });
  }

  async deleteCredentialsOf(accountId: string): Promise<string[]> {
    return transaction(this.pool, async (client) => {
      const sessions = await rows<{ id: string }>(client, "DELETE FROM sessions WHERE account_id = $1 RETURNING id", [
        accountId,
      ]);
      const tokens = await rows<{ id: string }>(client, "DELETE FROM api_tokens WHERE account_id = $1 RETURNING id", [
        accountId,
      ]);
      return [...sessions, ...tokens].map((r) => r.id);
    });
  }

  async createInvitation(tokenHash: string, accountId: string, expiresAt: string): Promise<void> {
    const now = new Date().toISOString();
    await transaction(this.pool, async (client) => {
      await lockAccount(client, accountId);
      await replaceOpenInvitations(client, accountId, now);
      await client.query(
        "INSERT INTO invitations (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        [tokenHash, accountId, now, expiresAt],
      );
    });
  }

  async findInvitation(tokenHash: string, now: string): Promise<{ accountId: string } | "spent" | "expired" | null> {
    const found = await row<{
      account_id: string;
      expires_at: string;
      used_at: string | null;
      replaced_at: string | null;
    }>(this.pool, "SELECT account_id, expires_at, used_at, replaced_at FROM invitations WHERE token_hash = $1", [
      tokenHash,
    ]);
    if (!found) return null;
    if (found.used_at || found.replaced_at) return "spent";
    if (found.expires_at <= now) return "expired";
    return { accountId: found.account_id };
  }

  /**
   * The account is locked first (as createInvitation does), then the UPDATE …
   * WHERE used_at IS NULL: a second accept of the same link, or a new link for
   * the account (on this instance or another), waits and then sees this one.
   */
  async acceptInvitation(tokenHash: string, passwordHash: string, now: string): Promise<boolean> {
    return transaction(this.pool, async (client) => {
      const invited = await row<{ account_id: string }>(
        client,
        "SELECT account_id FROM invitations WHERE token_hash = $1",
        [tokenHash],
      );
      if (!invited) return false;
      await lockAccount(client, invited.account_id);
      const used = await row<{ account_id: string }>(
        client,
        `UPDATE invitations SET used_at = $2
         WHERE token_hash = $1 AND used_at IS NULL AND replaced_at IS NULL AND expires_at > $2
         RETURNING account_id`,
        [tokenHash, now],
      );
      if (!used) return false;
      await replaceOpenInvitations(client, used.account_id, now);
      await client.query("UPDATE accounts SET password_hash = $1 WHERE id = $2", [passwordHash, used.account_id]);
      return true;
    });
  }

  async recordLoginFailure(login: string, source: string, ts: number, forgetBefore: number): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query("DELETE FROM login_failures WHERE ts < $1", [forgetBefore]);
      await client.query("INSERT INTO login_failures (login, source, ts) VALUES ($1, $2, $3)", [login, source, ts]);
    });
  }

  async nthLoginFailure(filter: LoginFailureFilter, nth: number, since: number): Promise<number | null> {
    const found = await row<{ ts: number }>(
      this.pool,
      `SELECT ts FROM login_failures
       WHERE source = $1 AND ($2::text IS NULL OR login = $2) AND ts >= $3
       ORDER BY ts DESC LIMIT 1 OFFSET $4`,
      [filter.source, filter.login ?? null, since, Math.max(0, nth - 1)],
    );
    return found?.ts ?? null;
  }

  async clearLoginFailures(login: string, source: string): Promise<void> {
    await this.pool.query("DELETE FROM login_failures WHERE login = $1 AND source = $2", [login, source]);
  }

  async appendAudit(e: NewAuditRecord, repeatSince?: string): Promise<void> {
    const now = new Date().toISOString();
    const fields = [e.action, e.subject, e.details, e.actorId, e.scopeOrganisationId];
    await transaction(this.pool, async (client) => {
      if (repeatSince !== undefined) {
        // Repeats of one event, from any instance, take turns: each finds the entry the one before it
        // committed (READ COMMITTED reads anew after the wait) instead of adding one of its own.
        await client.query("SELECT pg_advisory_xact_lock(1, hashtext($1 || ':' || $2))", [e.action, e.subject]);
        const repeated = await changes(
          client,
          `UPDATE audit_log SET count = count + 1, last_ts = $6 WHERE id = (
             SELECT id FROM audit_log
             WHERE action = $1 AND subject = $2 AND details = $3
               AND actor_id IS NOT DISTINCT FROM $4::text AND scope_org_id IS NOT DISTINCT FROM $5::text
               AND last_ts >= $7
             ORDER BY id DESC LIMIT 1)`,
          [...fields, now, repeatSince],
        );
        if (repeated > 0) return;
      }
      await client.query(
        `INSERT INTO audit_log (ts, last_ts, action, subject, details, actor_id, scope_org_id)
         VALUES ($6, $6, $1, $2, $3, $4, $5)`,
        [...fields, now],
      );
    });
  }

  async listAudit(
    scopeOrganisationIds: readonly string[],
    includeUnscoped: boolean,
    page: { limit: number; before?: number },
  ): Promise<AuditRecord[]> {
    const list = await rows<AuditRow>(
      this.pool,
      `SELECT * FROM audit_log
       WHERE (scope_org_id = ANY($1::text[]) OR ($2 AND scope_org_id IS NULL)) AND id < $3
       ORDER BY id DESC LIMIT $4`,
      [[...scopeOrganisationIds], includeUnscoped, page.before ?? Number.MAX_SAFE_INTEGER, page.limit],
    );
    return list.map(toAudit);
  }

  async countAccounts(): Promise<number> {
    return (await row<{ n: number }>(this.pool, "SELECT count(*)::int AS n FROM accounts"))?.n ?? 0;
  }
}

/** Holds the account's row until COMMIT: its invitations change one transaction at a time. */
async function lockAccount(client: Queryable, accountId: string): Promise<void> {
  await client.query("SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE", [accountId]);
}

/** Links of the account not used yet stop working: only the newest may set the password. */
async function replaceOpenInvitations(client: Queryable, accountId: string, now: string): Promise<void> {
  await client.query(
    "UPDATE invitations SET replaced_at = $1 WHERE account_id = $2 AND used_at IS NULL AND replaced_at IS NULL",
    [now, accountId],
  );
}
