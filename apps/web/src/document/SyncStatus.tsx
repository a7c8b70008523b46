import { messages } from "../messages.ts";
import type { SyncState } from "./syncState.ts";

/** One plain sentence saying where the user's changes are right now. */
export function SyncStatus({ state }: { readonly state: SyncState }) {
  return (
    <span className={`k-sync k-sync-${state}`} data-testid="sync-status" data-state={state} role="status">
      <span className="k-sync-dot" aria-hidden />
      {messages.sync[state]}
    </span>
  );
}
