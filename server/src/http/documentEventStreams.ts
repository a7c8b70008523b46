import type { IncomingMessage, ServerResponse } from "node:http";
import type { DocumentEvent } from "../documents/DocumentEvents.ts";
import { documentSummaryFor } from "../documents/documentSummaries.ts";
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
import type { Route } from "./router.ts";
import { SSE_HEADERS, sseComment, sseEvent, sseRetry } from "./serverSentEvents.ts";

/**
 * GET /api/documents/:id/events: a document's summary pushed to an open page
 * (Server-Sent Events), instead of the page asking again and again.
 *
 * The request is decided exactly as GET /api/documents/:id (401 without a user,
 * 404 for a document that does not exist or is not theirs); the first event is
 * that same summary. Then, on each event of `services.events` for the document,
 * the person and their access are decided again (their session may have ended,
 * their rights changed) before anything is sent: the stream ends when the
 * document is no longer theirs to read; otherwise a `summary` event sends them
 * their summary (also when it did not change: a version saved or restored
 * moves nothing in it, and the page hears of it all the same; the app keeps
 * its state for the same JSON), and a `conflicts` event (a conflict recorded
 * or resolved) sends `event: conflicts`. A change of rights reaches the stream
 * at once through LiveConnections and sends the summary if it changed; a
 * logout or an expired session ends it. Streams end when the server closes.
 */
export class DocumentEventStreams {
  private readonly open = new Set<EventStream>();

  constructor(private readonly services: Services) {}

  routes(): Route[] {
    return [
      {
        method: "GET",
        path: "/api/documents/:id/events",
        handle: async (ctx) => {
          const auth = await ctx.user();
          const docId = ctx.params.id ?? "";
          const stream = new EventStream(this.services, ctx.req, ctx.res, docId, auth.principal.accountId, {
            id: auth.credential.id,
            expiresAt: auth.credential.expiresAt,
          });
          // Listening before the summary is read: an event meanwhile is not lost.
          stream.listen();
          try {
            const summary = await documentSummaryFor(this.services, auth.principal, docId);
            // The same answer whether it does not exist or is not yours: ids are not confirmed to outsiders.
            if (!summary) throw new HttpError(404, "not-found", messages.documentNotFound);
            this.withinLimits(stream);
            // The client may have left while its summary was read: nothing to start.
            if (ctx.req.socket.destroyed) throw new ClientGone();
            this.open.add(stream);
            stream.start(JSON.stringify(summary), () => this.open.delete(stream));
          } catch (error) {
            stream.close();
            if (!(error instanceof ClientGone)) throw error;
          }
        },
      },
    ];
  }

  /** Ends every stream (the server is closing); their clients will try to reconnect. */
  closeAll(): void {
    for (const stream of [...this.open]) stream.close();
  }

  get size(): number {
    return this.open.size;
  }

  private withinLimits(stream: EventStream): void {
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
  }
}

class ClientGone extends Error {}

/** One open stream: its subscription, its heartbeat and its re-checks, one at a time. */
class EventStream implements LiveWatcher {
  readonly credentialId: string;
  readonly expiresAt: string | null;
  private started = false;
  private closed = false;
  private lastSummary = "";
  /** An event asked for the summary: sent even if it is the one sent last. */
  private wantsSummary = false;
  /** Rights may have changed: the summary is sent if it differs from the one sent last. */
  private wantsRecheck = false;
  private wantsConflicts = false;
  private running = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly stops: (() => void)[] = [];
  private onClosed: () => void = () => {};

  constructor(
    private readonly services: Services,
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    private readonly docId: string,
    readonly accountId: string,
    credential: { readonly id: string; readonly expiresAt: string | null },
  ) {
    this.credentialId = credential.id;
    this.expiresAt = credential.expiresAt;
  }

  /** Subscribes to the document's events; they wait until the stream has started. */
  listen(): void {
    this.stops.push(this.services.events.subscribe(this.docId, (event) => this.hear(event)));
  }

  /** Sends the headers and the first summary, then follows events, rights and the heartbeat. */
  start(summaryJson: string, onClosed: () => void): void {
    this.onClosed = onClosed;
    this.started = true;
    this.res.writeHead(200, SSE_HEADERS);
    this.res.on("close", () => this.close());
    this.stops.push(this.services.live.watch(this));
    this.heartbeat = setInterval(() => this.write(sseComment("heartbeat")), EVENT_STREAM_HEARTBEAT_MS);
    this.heartbeat.unref();
    this.lastSummary = summaryJson;
    this.write(sseRetry(EVENT_STREAM_RETRY_MS) + sseEvent("summary", summaryJson));
    // Events heard while the first summary was read.
    this.run();
  }

  recheck(): void {
    this.wantsRecheck = true;
    this.run();
  }

  end(): void {
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const stop of this.stops.splice(0)) stop();
    this.onClosed();
    if (this.started && !this.res.writableEnded) this.res.end();
  }

  private hear(event: DocumentEvent): void {
    if (event.type === "conflicts") this.wantsConflicts = true;
    else this.wantsSummary = true;
    this.run();
  }

  /** Works through what was asked, one pass at a time; what arrives meanwhile gets another pass. */
  private run(): void {
    if (!this.started || this.running || this.closed) return;
    this.running = true;
    void (async () => {
      try {
        while (!this.closed && (this.wantsSummary || this.wantsRecheck || this.wantsConflicts)) {
          const asked = { summary: this.wantsSummary, conflicts: this.wantsConflicts };
          this.wantsSummary = false;
          this.wantsRecheck = false;
          this.wantsConflicts = false;
          await this.pass(asked);
        }
      } catch (error) {
        this.services.log.error({ err: error, docId: this.docId }, "an events stream failed");
        // Its client reconnects and starts from the current summary.
        this.close();
      } finally {
        this.running = false;
      }
    })();
  }

  /** Decides access again (every event, whatever it is), then sends what was asked. */
  private async pass(asked: { readonly summary: boolean; readonly conflicts: boolean }): Promise<void> {
    // As on a new request: the session may have ended or the rights changed since the last event.
    const auth = await this.services.access.authenticate(this.req.headers);
    const summary =
      auth && auth.principal.accountId === this.accountId && auth.credential.id === this.credentialId
        ? await documentSummaryFor(this.services, auth.principal, this.docId)
        : null;
    if (this.closed) return;
    if (!summary) {
      this.close();
      return;
    }
    const json = JSON.stringify(summary);
    let out = "";
    if (asked.summary || json !== this.lastSummary) {
      this.lastSummary = json;
      out += sseEvent("summary", json);
    }
    // A payload, however small: some clients drop an event whose data is empty.
    if (asked.conflicts) out += sseEvent("conflicts", "{}");
    if (out) this.write(out);
  }

  private write(text: string): void {
    if (this.closed || this.res.writableEnded) return;
    if (this.res.writableLength > MAX_EVENT_STREAM_BACKLOG_BYTES) {
      // The client does not read: cut it rather than hold its events in memory.
      this.close();
      this.res.destroy();
      return;
    }
    this.res.write(text);
  }
}
