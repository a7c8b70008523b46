import { type SyncState, syncMessage } from "./syncState.ts";

/**
 * One plain sentence saying where the user's changes are right now; for a
 * person who may not change the document, whether they see its current version.
 */
export function SyncStatus({ state, readOnly }: { readonly state: SyncState; readonly readOnly: boolean }) {
  return (
    <span
      className={`k-sync k-sync-${state}`}
      data-testid="sync-status"
      data-state={state}
      data-read-only={readOnly ? "true" : undefined}
      role="status"
    >
      <span className="k-sync-dot" aria-hidden />
      {syncMessage(state, readOnly)}
    </span>
  );
}
