/** What the status line says about where the user's changes are. */
export type SyncState = "saved" | "connecting" | "offline";

/** What the page knows about its connection at one moment. */
export interface ConnectionFacts {
  /** The websocket is open. */
  readonly connected: boolean;
  /** The server's state has been received over that socket (sync step 2). */
  readonly synced: boolean;
  /** A connection attempt failed or an open one dropped since the last success. */
  readonly failedSinceConnected: boolean;
  /** `navigator.onLine`: false when the device has no network at all. */
  readonly browserOnline: boolean;
}

/**
 * Saved only when synced over an open socket; offline as soon as an attempt
 * failed or the device has no network, so a user on a weak rural connection is
 * told at once that their edits wait on this device; connecting otherwise.
 */
export function syncStateOf(facts: ConnectionFacts): SyncState {
  if (facts.connected && facts.synced) return "saved";
  if (!facts.browserOnline || facts.failedSinceConnected) return "offline";
  return "connecting";
}
