import { messages } from "../messages.ts";

/** What the status line says about where the user's changes are. */
export type SyncState = "saved" | "saving" | "refused" | "connecting" | "offline";

/**
 * How long a change may wait for the server's receipt before the line says
 * «Сохраняется…». A keystroke's receipt comes back in a few milliseconds;
 * saying «Сохраняется…» for each would make the line flicker as one types.
 */
export const SAVING_SHOWN_AFTER_MS = 1_000;

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
  /** The server has said it stored everything this device holds (SavedTracker). */
  readonly acknowledged: boolean;
  /** Not acknowledged for more than SAVING_SHOWN_AFTER_MS on an open, synced socket. */
  readonly slow: boolean;
  /** The server refused a change sent on this socket (read-only): it will not be stored. */
  readonly refused: boolean;
}

/**
 * Saved only when the server has acknowledged storing every change this
 * device holds, over an open, synced socket. While a change waits for that
 * receipt, the line keeps saying what it said (saved, or connecting) for up
 * to SAVING_SHOWN_AFTER_MS, then «Сохраняется…» (at once after anything
 * else). Refused when the server refused a change.
 * Offline as soon as an attempt failed or the device has no network, so a
 * user on a weak rural connection is told at once that their edits wait on
 * this device; connecting otherwise.
 */
export function syncStateOf(facts: ConnectionFacts, previous: SyncState | null = null): SyncState {
  if (facts.connected && facts.synced) {
    if (facts.refused) return "refused";
    if (facts.acknowledged) return "saved";
    if (!facts.slow && (previous === "saved" || previous === "connecting")) return previous;
    return "saving";
  }
  if (!facts.browserOnline || facts.failedSinceConnected) return "offline";
  return "connecting";
}

/**
 * The status line's sentence. A person who may not change the document
 * (or whose rights the server has not confirmed yet) has no changes of their
 * own to be saved: for them the same states say whether what they see is the
 * server's current version.
 */
export function syncMessage(state: SyncState, readOnly: boolean): string {
  return (readOnly ? messages.syncReadOnly : messages.sync)[state];
}
