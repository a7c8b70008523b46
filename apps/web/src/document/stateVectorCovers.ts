/** A Yjs state vector as a map: client id → the next clock expected from it. */
export type StateVector = ReadonlyMap<number, number>;

/**
 * Whether `server` holds everything `local` does, as far as state vectors
 * tell: for every client id of `local` (this session's, earlier sessions'
 * loaded from IndexedDB, colleagues'), the server's clock is at least as far.
 * Deletions do not advance a state vector, so this alone cannot say that a
 * deletion is stored (see SavedTracker).
 */
export function stateVectorCovers(server: StateVector, local: StateVector): boolean {
  for (const [client, clock] of local) {
    if (clock > 0 && (server.get(client) ?? 0) < clock) return false;
  }
  return true;
}

/** Raises `into`'s clocks to those of `from` where `from` is ahead. */
export function raiseStateVector(into: Map<number, number>, from: StateVector): void {
  for (const [client, clock] of from) {
    if ((into.get(client) ?? 0) < clock) into.set(client, clock);
  }
}
