import type { AccessLevel } from "@karta/schema";
import type { WebSocket } from "ws";
import { CLOSE_GRACE_MS, MAX_CLOSE_REASON_BYTES } from "../limits.ts";

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
  /** Sync step 2 and update messages received so far: the count a saved message acknowledges. */
  updatesReceived = 0;
  /**
   * Set when one of this socket's updates was refused. "Your first n update messages
   * are stored" can then never be true again for this socket, so it is never
   * acknowledged again (the client learns what was stored on its next connection),
   * and only the first refusal is reported, so a stubborn client cannot flood the audit log.
   */
  hasRefusedUpdate = false;
  private closedByServer = false;

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

  /**
   * False from the moment the server decided to close this socket. ws goes on
   * delivering messages while the close handshake runs (up to 30 s for a client
   * that never answers), and the grant they were allowed under may be the very
   * thing that was revoked: such messages must be dropped, not applied.
   */
  get accepting(): boolean {
    return !this.closedByServer;
  }

  send(message: Uint8Array): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(message);
  }

  close(code: number, reason: string): void {
    this.closedByServer = true;
    closeWithGrace(this.socket, code, reason);
  }
}

/** Starts the close handshake, and cuts the socket if the client has not answered within CLOSE_GRACE_MS. */
export function closeWithGrace(socket: WebSocket, code: number, reason: string): void {
  if (socket.readyState > socket.OPEN) return;
  socket.close(code, truncateUtf8(reason, MAX_CLOSE_REASON_BYTES));
  const cut = setTimeout(() => socket.terminate(), CLOSE_GRACE_MS);
  cut.unref();
  socket.once("close", () => clearTimeout(cut));
}

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8, never splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}
