import type { Awareness } from "y-protocols/awareness";
import type { CellAddress } from "../grid/selection/rangeMath.ts";
import { readPeerIdentity, type UserIdentity } from "./identity.ts";

/** A colleague in the document, as their browser announces it through awareness. */
export interface Peer {
  readonly clientId: number;
  readonly user: UserIdentity;
  readonly cursor: CellAddress | null;
}

const NONE: readonly Peer[] = Object.freeze([]);

/**
 * Who else is here and which cell each has selected, read from awareness.
 * Snapshots keep their identity until they change, so a cell that subscribes to
 * its own address re-renders only when someone arrives at or leaves it.
 */
export class PresenceStore {
  private everyone: readonly Peer[] = NONE;
  private byCell = new Map<string, readonly Peer[]>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly awareness: Awareness) {
    awareness.on("change", this.rebuild);
    this.rebuild();
  }

  destroy(): void {
    this.awareness.off("change", this.rebuild);
    this.listeners.clear();
  }

  /** This browser's client id in the document's awareness. */
  get clientId(): number {
    return this.awareness.clientID;
  }

  /** Announces who this browser's user is. */
  setUser(user: UserIdentity): void {
    this.awareness.setLocalStateField("user", user);
  }

  /** Announces the cell this user has selected (null: none). */
  setCursor(cursor: CellAddress | null): void {
    const current = this.awareness.getLocalState()?.cursor as CellAddress | null | undefined;
    if (current?.rowId === cursor?.rowId && current?.colId === cursor?.colId) return;
    this.awareness.setLocalStateField("cursor", cursor ? { rowId: cursor.rowId, colId: cursor.colId } : null);
  }

  /** Everyone else in the document, in a stable order. */
  peers = (): readonly Peer[] => this.everyone;

  /** The colleagues whose selected cell is this one. */
  peersAt(rowId: string, colId: string): readonly Peer[] {
    return this.byCell.get(cellKey(rowId, colId)) ?? NONE;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private rebuild = (): void => {
    const self = this.awareness.clientID;
    const peers: Peer[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === self) continue;
      const user = readPeerIdentity(state.user);
      if (!user) continue;
      peers.push({ clientId, user, cursor: readCursor(state.cursor) });
    }
    peers.sort((a, b) => a.clientId - b.clientId);
    const byCell = new Map<string, Peer[]>();
    for (const peer of peers) {
      if (!peer.cursor) continue;
      const key = cellKey(peer.cursor.rowId, peer.cursor.colId);
      byCell.set(key, [...(byCell.get(key) ?? []), peer]);
    }
    const nextByCell = new Map<string, readonly Peer[]>();
    for (const [key, list] of byCell) {
      const old = this.byCell.get(key);
      nextByCell.set(key, old && samePeers(old, list) ? old : Object.freeze(list));
    }
    const everyone = samePeers(this.everyone, peers) ? this.everyone : Object.freeze(peers);
    const changed = everyone !== this.everyone || !sameMap(this.byCell, nextByCell);
    this.everyone = everyone;
    this.byCell = nextByCell;
    if (changed) for (const listener of this.listeners) listener();
  };
}

function cellKey(rowId: string, colId: string): string {
  return `${rowId}\u0000${colId}`;
}

function readCursor(value: unknown): CellAddress | null {
  if (typeof value !== "object" || value === null) return null;
  const { rowId, colId } = value as Record<string, unknown>;
  return typeof rowId === "string" && typeof colId === "string" ? { rowId, colId } : null;
}

function samePeers(a: readonly Peer[], b: readonly Peer[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i];
      return (
        q !== undefined &&
        p.clientId === q.clientId &&
        p.user.name === q.user.name &&
        p.user.color === q.user.color &&
        p.user.initials === q.user.initials &&
        p.cursor?.rowId === q.cursor?.rowId &&
        p.cursor?.colId === q.cursor?.colId
      );
    })
  );
}

function sameMap(a: ReadonlyMap<string, readonly Peer[]>, b: ReadonlyMap<string, readonly Peer[]>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}
