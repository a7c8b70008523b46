import { randomId } from "@karta/doc";
import type { AuditLog } from "../audit/AuditLog.ts";
import { LOGIN_FAILURE_LIMIT, LOGIN_FAILURE_WINDOW_MS } from "../limits.ts";
import type { DirectoryStore } from "../storage/DirectoryStore.ts";
import type { LiveConnections } from "../sync/LiveConnections.ts";
import { DUMMY_HASH_PROMISE, verifyPassword } from "./passwords.ts";
import { hashSecret, newSecret } from "./secrets.ts";

export interface StartedSession {
  readonly accountId: string;
  /** The cookie value; only its hash is stored. */
  readonly secret: string;
  readonly expiresAt: string;
}

export type LoginResult =
  | ({ kind: "ok" } & StartedSession)
  | { kind: "wrong" }
  | { kind: "throttled"; retryAfterSeconds: number };

/** Logging in and out, with throttling of repeated failures per login. */
export class Sessions {
  constructor(
    private readonly directory: DirectoryStore,
    private readonly audit: AuditLog,
    private readonly live: LiveConnections,
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async login(rawLogin: string, password: string): Promise<LoginResult> {
    const login = rawLogin.trim().toLowerCase();
    const windowStart = this.now() - LOGIN_FAILURE_WINDOW_MS;
    const failures = await this.directory.countLoginFailures(login, windowStart);
    const account = await this.directory.findAccountByLogin(login);
    const scope = account?.organisationId ?? null;
    if (failures >= LOGIN_FAILURE_LIMIT) {
      await this.audit.record({
        action: "login-failed",
        actorId: account?.id ?? null,
        scopeOrganisationId: scope,
        subject: login,
        details: "throttled",
      });
      return { kind: "throttled", retryAfterSeconds: Math.ceil(LOGIN_FAILURE_WINDOW_MS / 1000) };
    }
    // An unknown login costs the same scrypt time as a wrong password: no timing oracle for logins.
    const valid = await verifyPassword(password, account?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!account?.passwordHash || !valid) {
      await this.directory.recordLoginFailure(login, this.now());
      await this.audit.record({
        action: "login-failed",
        actorId: account?.id ?? null,
        scopeOrganisationId: scope,
        subject: login,
        details: account ? "wrong password" : "unknown login",
      });
      return { kind: "wrong" };
    }
    await this.directory.clearLoginFailures(login);
    const session = await this.start(account.id);
    await this.audit.record({ action: "login", actorId: account.id, scopeOrganisationId: scope, subject: login });
    return { kind: "ok", ...session };
  }

  /** A new session for an account (after login or accepting an invitation). */
  async start(accountId: string): Promise<StartedSession> {
    const secret = newSecret();
    const expiresAt = new Date(this.now() + this.ttlMs).toISOString();
    await this.directory.createSession(randomId(16), hashSecret(secret), accountId, expiresAt);
    return { accountId, secret, expiresAt };
  }

  /**
   * Ends every session of an account and closes their sockets: when a password is
   * set through an invitation link, whoever was signed in before must sign in again.
   */
  async endAllOf(accountId: string): Promise<void> {
    for (const id of await this.directory.deleteSessionsOf(accountId)) this.live.endCredential(id);
  }

  /** Ends a session or revokes a token, and closes the sockets opened with it. */
  async end(credentialId: string): Promise<void> {
    await this.directory.deleteCredential(credentialId);
    this.live.endCredential(credentialId);
  }
}
