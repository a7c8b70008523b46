import { type AccessLevel, CloseCode } from "@karta/schema";
import type { WebSocket } from "ws";
import {
  BACKPRESSURE_POLL_MS,
  BYTE_BURST,
  BYTES_PER_SECOND,
  CLOSE_GRACE_MS,
  MAX_CLOSE_REASON_BYTES,
  MAX_QUEUED_BYTES,
  MESSAGE_BURST,
  MESSAGES_PER_SECOND,
  READ_PAUSE_BACKLOG_BYTES,
} from "../limits.ts";
import { coalesceThisTurn } from "./coalesceWrites.ts";
import { RateBudget } from "./RateBudget.ts";

/** Who is behind a socket and what they may do in its room, as decided at the upgrade. */
export interface ConnectionGrant {
  readonly accountId: string;
  /** The account's full name: what peers see in this socket's presence, whatever the client says. */
  readonly displayName: string;
  /** The session or token it authenticated with: logging out closes its sockets. */
  readonly credentialId: string;
  /** When that session ends (ISO time); null for a token. */
  readonly expiresAt: string | null;
  readonly level: AccessLevel;
  readonly canWrite: boolean;
  /** Why its updates are refused when it may not write (y-protocols' "permission denied" reason). */
  readonly readOnlyReason: string;
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
  /** Bytes of this socket's updates waiting in its room's queue. */
  queuedBytes = 0;
  /** The latest state vector of a sync step 1 whose answer is queued or waits for the backlog to drain. */
  pendingStateVector: Uint8Array | null = null;
  /** A query for everyone's presence waits for the backlog to drain. */
  presenceQueryPending = false;
  /** Its first sync step 1 was answered from the stored state while the room loaded (answerFromStore.ts). */
  answeredFromStore = false;
  /** The largest sync answer sent: the client may be that far behind, plus MAX_BACKLOG_BYTES. */
  largestAnswerBytes = 0;
  private closedByServer = false;
  private readonly messageBudget = new RateBudget(MESSAGES_PER_SECOND, MESSAGE_BURST);
  private readonly byteBudget = new RateBudget(BYTES_PER_SECOND, BYTE_BURST);
  private readTimer: NodeJS.Timeout | null = null;
  private drainTimer: NodeJS.Timeout | null = null;
  private drainWaiters: (() => void)[] = [];

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
    if (this.socket.readyState !== this.socket.OPEN) return;
    coalesceThisTurn(this.socket);
    this.socket.send(message);
  }

  /** What was sent to the socket and not yet handed to the network, because the client does not read it. */
  get backlogBytes(): number {
    return this.socket.bufferedAmount;
  }

  /**
   * Spends the socket's budgets for one message received, and stops reading the
   * socket while it is over one, while its room has not caught up with what it
   * sent, or while it does not read what it is sent (reading on would only make
   * it ask for more). TCP then pushes back on the sender; nothing is closed.
   */
  received(bytes: number): void {
    const messagesLeft = this.messageBudget.spend(1);
    const bytesLeft = this.byteBudget.spend(bytes);
    // Messages already buffered are delivered even while paused: a flood that arrived
    // in one piece overdraws the budget, and a socket that does that is let go.
    if (messagesLeft < -MESSAGE_BURST || bytesLeft < -BYTE_BURST) {
      this.close(CloseCode.RateLimited, "too many messages");
      return;
    }
    if (this.readTimer !== null || (messagesLeft > 0 && bytesLeft > 0 && !this.backedUp())) return;
    this.socket.pause();
    const look = () => {
      const wait = this.readWaitMs();
      if (wait > 0 && this.socket.readyState === this.socket.OPEN) {
        this.readTimer = later(look, wait);
        return;
      }
      this.readTimer = null;
      this.socket.resume();
    };
    this.readTimer = later(look, this.readWaitMs());
  }

  /** Runs `then` once the client has read most of what it was sent (never, if the socket closes first). */
  whenDrained(then: () => void): void {
    this.drainWaiters.push(then);
    if (this.drainTimer !== null) return;
    const look = () => {
      if (this.socket.readyState !== this.socket.OPEN || !this.accepting) {
        this.drainTimer = null;
        this.drainWaiters = [];
      } else if (this.backlogBytes > READ_PAUSE_BACKLOG_BYTES) {
        this.drainTimer = later(look, BACKPRESSURE_POLL_MS);
      } else {
        this.drainTimer = null;
        for (const waiter of this.drainWaiters.splice(0)) waiter();
      }
    };
    this.drainTimer = later(look, BACKPRESSURE_POLL_MS);
  }

  private readWaitMs(): number {
    const overBudget = Math.max(this.messageBudget.waitMs(), this.byteBudget.waitMs());
    if (overBudget > 0) return Math.max(overBudget, BACKPRESSURE_POLL_MS);
    return this.backedUp() ? BACKPRESSURE_POLL_MS : 0;
  }

  /** Its room has not caught up with what it sent, or it has not read what it was sent. */
  private backedUp(): boolean {
    return this.queuedBytes > MAX_QUEUED_BYTES || this.backlogBytes > READ_PAUSE_BACKLOG_BYTES;
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

function later(run: () => void, ms: number): NodeJS.Timeout {
  const timer = setTimeout(run, ms);
  timer.unref();
  return timer;
}
