import { CloseCode, parseRoomName } from "@karta/schema";
import type { AccessControl } from "../access/AccessControl.ts";
import type { Logger } from "../log.ts";
import type { Fanout } from "../scaleout/Fanout.ts";
import type { Connection } from "./Connection.ts";

/**
 * Something else than a socket that an account holds open and a change of
 * rights must reach: a document's events stream. It decides for itself what
 * a re-check means (a socket is closed and reconnects; a stream sends the new
 * summary, or ends when the document is no longer the person's to read).
 */
export interface LiveWatcher {
  readonly accountId: string;
  /** The session or token it authenticated with. */
  readonly credentialId: string;
  /** When that session ends (ISO time); null for a token. */
  readonly expiresAt: string | null;
  /** The account's rights may have changed: decide again. */
  recheck(): void;
  /** Its session or token ended (logout, revocation, expiry): stop at once. */
  end(): void;
}

/**
 * Every open sync connection (and events stream, as a LiveWatcher) by account,
 * so that a change of rights reaches what is already open: a revoked role or
 * assignment, a logout, a session that expired. With several instances each
 * change is also published (Fanout), and every instance re-decides its own.
 */
export class LiveConnections {
  private readonly byAccount = new Map<string, Set<Connection>>();
  private readonly watchers = new Set<LiveWatcher>();
  private fanout: Fanout | null = null;

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

  /**
   * Several instances: changes decided here are published, and those of the
   * other instances are applied here (`beforeDocument`: what must follow a
   * document's status before its sockets are re-decided).
   */
  joinCluster(fanout: Fanout, beforeDocument: (docId: string) => Promise<void>): void {
    this.fanout = fanout;
    fanout.onAccess((change) => {
      const apply = async () => {
        if (change.kind === "credential") this.endCredentialHere(change.id);
        else if (change.kind === "account") await this.recheckAccountHere(change.id);
        else {
          await beforeDocument(change.id);
          await this.recheckDocumentHere(change.id);
        }
      };
      apply().catch((error: unknown) => this.log.error({ err: error, change }, "applying an access change failed"));
    });
  }

  /** Follows a watcher until the returned function is called. */
  watch(watcher: LiveWatcher): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
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
    this.fanout?.publishAccess({ kind: "account", id: accountId });
    await this.recheckAccountHere(accountId);
  }

  private async recheckAccountHere(accountId: string): Promise<void> {
    for (const watcher of [...this.watchers]) if (watcher.accountId === accountId) watcher.recheck();
    await this.recheck(accountId, [...(this.byAccount.get(accountId) ?? [])]);
  }

  /**
   * Re-decides the open connections to a document's rooms (its status changed:
   * on agreement its content is read-only, after it writable again).
   */
  async recheckDocument(docId: string): Promise<void> {
    this.fanout?.publishAccess({ kind: "document", id: docId });
    await this.recheckDocumentHere(docId);
  }

  private async recheckDocumentHere(docId: string): Promise<void> {
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
    this.fanout?.publishAccess({ kind: "credential", id: credentialId });
    this.endCredentialHere(credentialId);
  }

  private endCredentialHere(credentialId: string): void {
    for (const watcher of [...this.watchers]) if (watcher.credentialId === credentialId) watcher.end();
    for (const set of this.byAccount.values()) {
      for (const connection of set) {
        if (connection.grant.credentialId === credentialId) connection.close(CloseCode.Unauthorized, "session ended");
      }
    }
  }

  /** Closes connections whose session has expired; run periodically. */
  closeExpired(now = new Date()): void {
    const iso = now.toISOString();
    for (const watcher of [...this.watchers]) {
      if (watcher.expiresAt !== null && watcher.expiresAt <= iso) watcher.end();
    }
    for (const set of this.byAccount.values()) {
      for (const connection of set) {
        const { expiresAt } = connection.grant;
        if (expiresAt !== null && expiresAt <= iso) connection.close(CloseCode.Unauthorized, "session expired");
      }
    }
  }
}
