import { useEffect, useMemo, useSyncExternalStore } from "react";
import { distinctColor } from "./distinctColor.ts";
import type { UserIdentity } from "./identity.ts";
import type { PresenceStore } from "./presenceStore.ts";

const NO_PEERS = () => () => {};
const EMPTY: readonly never[] = [];

/**
 * Announces the user in the document, in a colour no earlier colleague has,
 * and returns the identity as colleagues see it.
 */
export function usePresenceIdentity(presence: PresenceStore | null, identity: UserIdentity): UserIdentity {
  const peers = useSyncExternalStore(presence?.subscribe ?? NO_PEERS, presence?.peers ?? (() => EMPTY));
  const clientId = presence?.clientId ?? 0;
  const color = distinctColor(
    identity.color,
    clientId,
    peers.map((p) => ({ clientId: p.clientId, color: p.user.color })),
  );
  const shown = useMemo(() => ({ ...identity, color }), [identity, color]);
  useEffect(() => presence?.setUser(shown), [presence, shown]);
  return shown;
}
