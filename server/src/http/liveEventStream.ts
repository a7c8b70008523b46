import type { IncomingMessage, ServerResponse } from "node:http";
import type { Principal } from "../access/policy.ts";
import {
  EVENT_STREAM_HEARTBEAT_MS,
  EVENT_STREAM_RETRY_MS,
  MAX_EVENT_STREAM_BACKLOG_BYTES,
  MAX_EVENT_STREAMS_PER_ACCOUNT,
  MAX_EVENT_STREAMS_PER_CREDENTIAL,
} from "../limits.ts";
import { messages } from "../messages.ts";
import type { Services } from "../services.ts";
import type { LiveWatcher } from "../sync/LiveConnections.ts";
import { HttpError } from "./json.ts";
import { SSE_HEADERS, sseComment, sseRetry } from "./serverSentEvents.ts";

/**
 * One open Server-Sent Events stream that follows what a person may see: it
 * collects what its events ask for and works through it one pass at a time
 * (what arrives meanwhile gets another pass), decides the person's access
 * again at every pass (`authenticate`), is re-decided when their rights change
 * and ended by a logout or an expired session (LiveConnections), sends a
 * heartbeat comment so proxies keep it, and is cut when its client stops
 * reading. Subclasses say what a pass sends.
 */
export abstract class LiveEventStream<Ask extends string> implements LiveWatcher {
  readonly credentialId: string;
  readonly expiresAt: string | null;
  private started = false;
  private closed = false;
  private asked = new Set<Ask>();
  /** Rights may have changed: a pass decides again even without an event. */
  private wantsRecheck = false;
  private running = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly stops: (() => void)[] = [];
  private onClosed: () => void = () => {};

  constructor(
    protected readonly services: Services,
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    readonly accountId: string,
    credential: { readonly id: string; readonly expiresAt: string | null },
  ) {
    this.credentialId = credential.id;
    this.expiresAt = credential.expiresAt;
  }

  /** What a pass does with what was asked (`recheck`: rights may have changed); it calls `close` to end. */
  protected abstract pass(asked: ReadonlySet<Ask>, recheck: boolean): Promise<void>;

  /** Keeps a subscription until the stream closes; events wait until it has started. */
  protected keep(stop: () => void): void {
    if (this.closed) stop();
    else this.stops.push(stop);
  }

  /** Sends the headers and the first event, then follows events, rights and the heartbeat. */
  start(first: string, onClosed: () => void): void {
    this.onClosed = onClosed;
    this.started = true;
    this.res.writeHead(200, SSE_HEADERS);
    this.res.on("close", () => this.close());
    this.stops.push(this.services.live.watch(this));
    this.heartbeat = setInterval(() => this.write(sseComment("heartbeat")), EVENT_STREAM_HEARTBEAT_MS);
    this.heartbeat.unref();
    this.write(sseRetry(EVENT_STREAM_RETRY_MS) + first);
    // Events heard while the first answer was read.
    this.run();
  }

  /** An event asks for `what` at the next pass. */
  protected ask(what: Ask): void {
    this.asked.add(what);
    this.run();
  }

  recheck(): void {
    this.wantsRecheck = true;
    this.run();
  }

  end(): void {
    this.close();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const stop of this.stops.splice(0)) stop();
    this.onClosed();
    if (this.started && !this.res.writableEnded) this.res.end();
  }

  /** The person of this stream as a new request would find them now; null when their session ended. */
  protected async authenticate(): Promise<Principal | null> {
    const auth = await this.services.access.authenticate(this.req.headers);
    return auth && auth.principal.accountId === this.accountId && auth.credential.id === this.credentialId
      ? auth.principal
      : null;
  }

  protected write(text: string): void {
    if (this.closed || this.res.writableEnded) return;
    if (this.res.writableLength > MAX_EVENT_STREAM_BACKLOG_BYTES) {
      // The client does not read: cut it rather than hold its events in memory.
      this.close();
      this.res.destroy();
      return;
    }
    this.res.write(text);
  }

  private run(): void {
    if (!this.started || this.running || this.closed) return;
    this.running = true;
    void (async () => {
      try {
        while (!this.closed && (this.asked.size > 0 || this.wantsRecheck)) {
          const asked = this.asked;
          const recheck = this.wantsRecheck;
          this.asked = new Set();
          this.wantsRecheck = false;
          await this.pass(asked, recheck);
        }
      } catch (error) {
        this.services.log.error({ err: error }, "an events stream failed");
        // Its client reconnects and starts from the current state.
        this.close();
      } finally {
        this.running = false;
      }
    })();
  }
}

/** The open streams of one kind: the per-person limits count all of them, and the server ends them when it closes. */
export class OpenStreams {
  private readonly open = new Set<LiveEventStream<string>>();

  /** Throws 429 when the person already holds as many streams as allowed. */
  admit(stream: LiveEventStream<string>): void {
    let account = 0;
    let credential = 0;
    for (const other of this.open) {
      if (other.accountId !== stream.accountId) continue;
      account++;
      if (other.credentialId === stream.credentialId) credential++;
    }
    if (credential >= MAX_EVENT_STREAMS_PER_CREDENTIAL || account >= MAX_EVENT_STREAMS_PER_ACCOUNT) {
      throw new HttpError(429, "too-many-streams", messages.tooManyEventStreams);
    }
    this.open.add(stream);
  }

  remove(stream: LiveEventStream<string>): void {
    this.open.delete(stream);
  }

  /** Ends every stream (the server is closing); their clients will try to reconnect. */
  closeAll(): void {
    for (const stream of [...this.open]) stream.close();
  }

  get size(): number {
    return this.open.size;
  }
}
