import * as awarenessProtocol from "y-protocols/awareness";
import type * as Y from "yjs";
import type { ClientIdOwners } from "./ClientIdOwners.ts";
import type { Connection } from "./Connection.ts";
import { encodePresenceUpdate, type PresenceEntry, readPresenceUpdate, stampIdentity } from "./presence.ts";

/**
 * Who is present in a room, as the server lets clients say it. Each message is
 * checked whole before any of it is applied (presence.ts), shown with the
 * account's name, and only under the connection's own client id. The stock
 * provider sends back every presence change it receives, so entries that would
 * change nothing are echoes and are skipped; an entry that would change
 * someone else's presence is dropped.
 */
export class RoomPresence {
  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly connections: ReadonlySet<Connection>,
    private readonly owners: ClientIdOwners,
    private readonly doc: () => Y.Doc,
    private readonly onDropped: (clientId: number) => void,
  ) {}

  /** Applies a client's awareness update; throws ProtocolError for a malformed or oversized one. */
  receive(connection: Connection, update: Uint8Array): void {
    const accepted: PresenceEntry[] = [];
    for (const entry of readPresenceUpdate(update)) {
      if (!this.wouldChange(entry)) continue;
      if (connection.awarenessIds.has(entry.clientId) || this.claim(connection, entry)) {
        accepted.push({ ...entry, state: stampIdentity(entry.state, connection.grant.displayName) });
      } else {
        this.onDropped(entry.clientId);
      }
    }
    if (accepted.length > 0) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodePresenceUpdate(accepted), connection);
    }
  }

  /** The account whose live presence uses this client id, if any. */
  holderOf(clientId: number): string | undefined {
    return this.connectionOf(clientId)?.grant.accountId;
  }

  /** y-protocols' own rule for whether an entry is applied. */
  private wouldChange({ clientId, clock, state }: PresenceEntry): boolean {
    const current = this.awareness.meta.get(clientId)?.clock ?? 0;
    return current < clock || (current === clock && state === null && this.awareness.states.has(clientId));
  }

  /**
   * A connection's first presence takes a client id nobody else presents or
   * writes under. The same person's new socket (a reconnect the server has not
   * noticed yet) takes over the id from the old one.
   */
  private claim(connection: Connection, { clientId, state }: PresenceEntry): boolean {
    if (connection.awarenessIds.size > 0 || state === null) return false;
    const holder = this.connectionOf(clientId);
    if (holder && holder.grant.accountId !== connection.grant.accountId) return false;
    if (!this.owners.mayPresent(clientId, connection.grant.accountId, this.doc())) return false;
    holder?.awarenessIds.delete(clientId);
    return true;
  }

  private connectionOf(clientId: number): Connection | undefined {
    for (const connection of this.connections) if (connection.awarenessIds.has(clientId)) return connection;
    return undefined;
  }
}
