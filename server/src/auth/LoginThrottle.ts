import { LOGIN_FAILURES_PER_LOGIN_AND_SOURCE, LOGIN_FAILURES_PER_SOURCE, LOGIN_THROTTLE_WINDOW_MS } from "../limits.ts";
import type { DirectoryStore, LoginFailureFilter } from "../storage/DirectoryStore.ts";

/** Why and for how long a source may not try to log in. */
export interface Lock {
  /** "source": too many failures over all logins; "login": too many of this login from this source. */
  readonly scope: "source" | "login";
  readonly retryAfterSeconds: number;
}

/**
 * Failed logins counted per (login, source) and per source, within a sliding
 * window. Never per login alone: then anyone could lock anyone out by guessing.
 */
export class LoginThrottle {
  constructor(
    private readonly directory: DirectoryStore,
    private readonly now: () => number = Date.now,
  ) {}

  async lockOf(login: string, source: string): Promise<Lock | null> {
    return (
      (await this.lock("source", { source }, LOGIN_FAILURES_PER_SOURCE)) ??
      (await this.lock("login", { source, login }, LOGIN_FAILURES_PER_LOGIN_AND_SOURCE))
    );
  }

  async recordFailure(login: string, source: string): Promise<void> {
    const now = this.now();
    await this.directory.recordLoginFailure(login, source, now, now - LOGIN_THROTTLE_WINDOW_MS);
  }

  /** After a right password: that source's mistakes with that login are forgiven. */
  async clear(login: string, source: string): Promise<void> {
    await this.directory.clearLoginFailures(login, source);
  }

  /** Locked while `limit` failures lie within the window: until the limit-th most recent one leaves it. */
  private async lock(scope: Lock["scope"], filter: LoginFailureFilter, limit: number): Promise<Lock | null> {
    const now = this.now();
    const nth = await this.directory.nthLoginFailure(filter, limit, now - LOGIN_THROTTLE_WINDOW_MS);
    if (nth === null) return null;
    return { scope, retryAfterSeconds: Math.max(1, Math.ceil((nth + LOGIN_THROTTLE_WINDOW_MS - now) / 1000)) };
  }
}
