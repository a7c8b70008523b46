import type { AccessLevel } from "@karta/schema";
import type { WebSocket } from "ws";

/** Who is behind a socket and what they may do in its room, as decided at the upgrade. */
export interface ConnectionGrant {
  readonly accountId: string;
  /** The session or token it authenticated with: logging out closes its sockets. */
  readonly credentialId: string;
  /** When that session ends (ISO time); null for a token. */
  readonly expiresAt: string | null;
  readonly level: AccessLevel;
  readonly canWrite: boolean;
}

/** One client socket, as the rooms see it: something to send to and close. */
export class Connection {
  /** Awareness client ids this socket announced, removed when it leaves. */
  readonly awarenessIds = new Set<number>();
  /** Set once a refused write has been reported, so a stubborn client does not flood the audit log. */
  refusalReported = false;
  /** Sync step 2 and update messages received so far: the count a saved message acknowledges. */
  updatesReceived = 0;

  constructor(
    readonly socket: WebSocket,
    /** The sync room: a document id, or `<docId>:comments`. */
    readonly docId: string,
    readonly grant: ConnectionGrant,
    /** The client asked (`?saved=1`) to be told when its updates are stored (`SAVED_MESSAGE_TYPE`). */
    readonly wantsSaved = false,
  ) {}

  get canWrite(): boolean {
    return this.grant.canWrite;
  }

  send(message: Uint8Array): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(message);
  }

  close(code: number, reason: string): void {
    // Close reasons are limited to 123 bytes by RFC 6455.
    if (this.socket.readyState <= this.socket.OPEN) this.socket.close(code, reason.slice(0, 120));
  }
}
