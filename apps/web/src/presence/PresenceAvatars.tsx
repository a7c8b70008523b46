import { useSyncExternalStore } from "react";
import { messages } from "../messages.ts";
import { Avatar } from "./Avatar.tsx";
import type { UserIdentity } from "./identity.ts";
import type { PresenceStore } from "./presenceStore.ts";
import "./presence.css";

export interface PresenceAvatarsProps {
  readonly presence: PresenceStore;
  readonly self: UserIdentity;
}

/** Who is in the document: colleagues first, then oneself. */
export function PresenceAvatars({ presence, self }: PresenceAvatarsProps) {
  const peers = useSyncExternalStore(presence.subscribe, presence.peers);
  return (
    <div className="k-people">
      <ul className="k-people-list" aria-label={messages.presence.label} data-testid="presence-list">
        {peers.map((peer) => (
          <li key={peer.clientId} className="k-people-item" data-peer={peer.user.initials}>
            <Avatar user={peer.user} />
          </li>
        ))}
      </ul>
      <span className="k-people-self">
        <Avatar user={self} title={messages.presence.youAre(self.name)} />
      </span>
    </div>
  );
}
