import type * as Y from "yjs";

/**
 * Who writes under each Yjs client id of a room. Yjs trusts client ids: an
 * update holding a struct (even a 13-byte GC) at a colleague's client id and
 * clocks makes every replica treat the colleague's unsent offline edits at
 * those clocks as already present, and drop them. So a client id belongs to
 * the account that first wrote under it, recorded with that update, and
 * nobody else may advance it. Ids already in the document with no owner were
 * written by the server (template stamp, demo, upgrades) or before owners were
 * recorded: no client may write under those.
 */
export class ClientIdOwners {
  constructor(private readonly owners: Map<number, string>) {}

  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId);
  }

  /** Records ids that an account's stored update wrote under first. */
  claim(accountId: string, clientIds: readonly number[]): void {
    for (const id of clientIds) this.owners.set(id, accountId);
  }

  /**
   * Checks the client ids whose state a transaction advanced. `heldBy` names the
   * account whose live presence uses an id (a reader's presence id is theirs too).
   * Returns why it is refused, or the ids the account writes under for the first time.
   */
  check(
    transaction: Y.Transaction,
    accountId: string,
    heldBy: (clientId: number) => string | undefined,
  ): { violation: string } | { claims: number[] } {
    const claims: number[] = [];
    for (const [clientId, clock] of transaction.afterState) {
      const before = transaction.beforeState.get(clientId) ?? 0;
      if (clock === before) continue;
      const owner = this.owners.get(clientId);
      if (owner === accountId) continue;
      if (owner !== undefined) return { violation: `client id ${clientId} belongs to another person` };
      if (before > 0) return { violation: `client id ${clientId} is written by the server only` };
      const holder = heldBy(clientId);
      if (holder !== undefined && holder !== accountId) {
        return { violation: `client id ${clientId} is another person's presence` };
      }
      claims.push(clientId);
    }
    return { claims };
  }

  /** Whether an account may announce presence under this id: its own, or one nobody has written under. */
  mayPresent(clientId: number, accountId: string, doc: Y.Doc): boolean {
    const owner = this.owners.get(clientId);
    if (owner !== undefined) return owner === accountId;
    return !doc.store.clients.has(clientId);
  }
}
