import { randomId } from "@karta/doc";
import type { AuditLog } from "../audit/AuditLog.ts";
import type { AccountRecord, DirectoryStore } from "../storage/DirectoryStore.ts";
import type { LiveConnections } from "../sync/LiveConnections.ts";
import { LoginThrottle } from "./LoginThrottle.ts";
import { GateFullError, OnePerKey } from "./passwordGate.ts";
import { DUMMY_HASH, verifyPassword } from "./passwords.ts";
import { hashSecret, newSecret } from "./secrets.ts";
import { loginSource } from "./sourceAddress.ts";

export interface StartedSession {
  readonly accountId: string;
  /** The cookie value; only its hash is stored. */
  readonly secret: string;
  readonly expiresAt: string;
}

/** Why a login was refused before any password was looked at, as the audit log says it. */
export type BusyReason = "login in progress" | "server busy";

export type LoginResult =
  | ({ kind: "ok" } & StartedSession)
  | { kind: "wrong" }
  | { kind: "throttled"; retryAfterSeconds: number }
  | { kind: "busy"; reason: BusyReason };

/**
 * Logging in and out. Failures are throttled per (login, source) and per
 * source (LoginThrottle); one login at a time per source, and scrypt behind
 * the password gate, so a flood of guesses neither locks anyone else out nor
 * slows their login down.
 */
export class Sessions {
  private readonly throttle: LoginThrottle;
  private readonly inProgress = new OnePerKey();

  constructor(
    private readonly directory: DirectoryStore,
    private readonly audit: AuditLog,
    private readonly live: LiveConnections,
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.throttle = new LoginThrottle(directory, now);
  }

  /** `remoteAddress`: the peer of the request's socket, the source failures are counted against. */
  async login(rawLogin: string, password: string, remoteAddress: string | undefined): Promise<LoginResult> {
    const login = rawLogin.trim().toLowerCase();
    const source = loginSource(remoteAddress);
    // Entered before anything is awaited, so parallel guesses from one source cannot slip in together.
    const leave = this.inProgress.enter(source);
    if (!leave) return this.busy(login, source, "login in progress");
    try {
      return await this.attempt(login, password, source);
    } finally {
      leave();
    }
  }

  private async attempt(login: string, password: string, source: string): Promise<LoginResult> {
    const account = await this.directory.findAccountByLogin(login);
    const lock = await this.throttle.lockOf(login, source);
    if (lock) {
      // A source locked over all logins is recorded against the source: a spray over
      // a thousand logins is then one entry of the journal, not a thousand.
      if (lock.scope === "source") await this.refused(login, source, "source throttled");
      else await this.failed(login, account, `throttled from ${source}`);
      return { kind: "throttled", retryAfterSeconds: lock.retryAfterSeconds };
    }
    let valid: boolean;
    try {
      // An unknown login costs the same scrypt time as a wrong password: no timing oracle for logins.
      valid = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    } catch (error) {
      if (error instanceof GateFullError) return this.busy(login, source, "server busy");
      throw error;
    }
    if (!account?.passwordHash || !valid) {
      await this.throttle.recordFailure(login, source);
      await this.failed(login, account, `${account ? "wrong password" : "unknown login"} from ${source}`);
      return { kind: "wrong" };
    }
    await this.throttle.clear(login, source);
    const session = await this.start(account.id);
    await this.audit.record({
      action: "login",
      actorId: account.id,
      scopeOrganisationId: account.organisationId,
      subject: login,
      details: `from ${source}`,
    });
    return { kind: "ok", ...session };
  }

  private async busy(login: string, source: string, reason: BusyReason): Promise<LoginResult> {
    await this.refused(login, source, reason);
    return { kind: "busy", reason };
  }

  /** A password was checked (or would have been) for this login. */
  private async failed(login: string, account: AccountRecord | null, details: string) {
    await this.audit.record({
      action: "login-failed",
      actorId: account?.id ?? null,
      scopeOrganisationId: account?.organisationId ?? null,
      subject: login,
      details,
    });
  }

  /**
   * Refused for the source's sake, whatever the login: recorded against the
   * source, for the coordinators of the municipality (or region) of the login
   * tried. Not its school: a spray over a district's logins is then one entry.
   */
  private async refused(login: string, source: string, details: string) {
    const account = await this.directory.findAccountByLogin(login);
    const organisation = account && (await this.directory.getOrganisation(account.organisationId));
    await this.audit.record({
      action: "login-failed",
      actorId: null,
      scopeOrganisationId: (organisation?.kind === "school" ? organisation.parentId : organisation?.id) ?? null,
      subject: source,
      details,
    });
  }

  /** A new session for an account (after login or accepting an invitation). */
  async start(accountId: string): Promise<StartedSession> {
    const secret = newSecret();
    const expiresAt = new Date(this.now() + this.ttlMs).toISOString();
    await this.directory.createSession(randomId(16), hashSecret(secret), accountId, expiresAt);
    return { accountId, secret, expiresAt };
  }

  /**
   * Ends every session and revokes every API token of an account, and closes
   * their sockets: when a password is set through an invitation link, whoever
   * was signed in before, or holds a token made then, must not stay in.
   */
  async endAllOf(accountId: string): Promise<void> {
    for (const id of await this.directory.deleteCredentialsOf(accountId)) this.live.endCredential(id);
  }

  /** Ends a session or revokes a token, and closes the sockets opened with it. */
  async end(credentialId: string): Promise<void> {
    await this.directory.deleteCredential(credentialId);
    this.live.endCredential(credentialId);
  }
}
