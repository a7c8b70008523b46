import { CloseCode, parseRoomName } from "@karta/schema";
import type { AccessControl } from "../access/AccessControl.ts";
import type { Logger } from "../log.ts";
import type { Connection } from "./Connection.ts";

/**
 * Every open sync connection by account, so that a change of rights reaches
 * sockets that are already open: a revoked role or assignment, a logout, a
 * session that expired. (With several server instances the trigger will come
 * over Redis; the re-check stays here.)
 */
export class LiveConnections {
  private readonly byAccount = new Map<string, Set<Connection>>();

  constructor(
    private readonly access: AccessControl,
    private readonly log: Logger,
  ) {}

  add(connection: Connection): void {
    const set = this.byAccount.get(connection.grant.accountId) ?? new Set();
    set.add(connection);
    this.byAccount.set(connection.grant.accountId, set);
  }

  remove(connection: Connection): void {
    const set = this.byAccount.get(connection.grant.accountId);
    set?.delete(connection);
    if (set?.size === 0) this.byAccount.delete(connection.grant.accountId);
  }

  /** Open connections of an account, and of those, opened with one session or token. */
  countOf(accountId: string, credentialId: string): { account: number; credential: number } {
    const open = this.byAccount.get(accountId) ?? new Set();
    let credential = 0;
    for (const connection of open) if (connection.grant.credentialId === credentialId) credential++;
    return { account: open.size, credential };
  }

  get size(): number {
    let n = 0;
    for (const set of this.byAccount.values()) n += set.size;
    return n;
  }

  /**
   * Re-decides access for each open connection of the account: closed as
   * forbidden if it lost access, asked to reconnect if its rights changed.
   */
  async recheckAccount(accountId: string): Promise<void> {
    await this.recheck(accountId, [...(this.byAccount.get(accountId) ?? [])]);
  }

  /**
   * Re-decides the open connections to a document's rooms (its status changed:
   * on agreement its content is read-only, after it writable again).
   */
  async recheckDocument(docId: string): Promise<void> {
    for (const [accountId, connections] of this.byAccount) {
      const open = [...connections].filter((c) => parseRoomName(c.docId).docId === docId);
      if (open.length > 0) await this.recheck(accountId, open);
    }
  }

  private async recheck(accountId: string, open: readonly Connection[]): Promise<void> {
    if (open.length === 0) return;
    const principal = await this.access.principal(accountId);
    for (const connection of open) {
      const now = principal ? await this.access.roomAccess(principal, connection.docId) : null;
      if (!now || now.level === "none") {
        this.log.info({ accountId, room: connection.docId }, "closing a connection that lost access");
        connection.close(CloseCode.Forbidden, "access revoked");
      } else if (now.level !== connection.grant.level || now.canWrite !== connection.grant.canWrite) {
        connection.close(CloseCode.AccessChanged, "access changed");
      }
    }
  }

  /** Closes every connection opened with this session or token (logout, revocation). */
  endCredential(credentialId: string): void {
    for (const set of this.byAccount.values()) {
      for (const connection of set) {
        if (connection.grant.credentialId === credentialId) connection.close(CloseCode.Unauthorized, "session ended");
      }
    }
  }

  /** Closes connections whose session has expired; run periodically. */
  closeExpired(now = new Date()): void {
    const iso = now.toISOString();
    for (const set of this.byAccount.values()) {
      for (const connection of set) {
        const { expiresAt } = connection.grant;
        if (expiresAt !== null && expiresAt <= iso) connection.close(CloseCode.Unauthorized, "session expired");
      }
    }
  }
}
