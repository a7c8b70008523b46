import type { CSSProperties } from "react";
import type { Peer } from "../presence/presenceStore.ts";

/**
 * The frame and initials drawn on a cell that colleagues have selected: the
 * frame in the first one's colour, one badge per person.
 */
export function PresenceMark({ peers }: { readonly peers: readonly Peer[] }) {
  const first = peers[0];
  if (!first) return null;
  return (
    <span className="k-presence" style={{ "--k-presence-color": first.user.color } as CSSProperties} aria-hidden>
      <span className="k-presence-badges">
        {peers.map((peer) => (
          <span
            key={peer.clientId}
            className="k-presence-badge"
            data-presence={peer.user.initials}
            title={peer.user.name}
            style={{ background: peer.user.color }}
          >
            {peer.user.initials}
          </span>
        ))}
      </span>
    </span>
  );
}
