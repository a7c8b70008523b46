import type { IncomingMessage, ServerResponse } from "node:http";
import type { DocumentEvent } from "../documents/DocumentEvents.ts";
import { documentSummaryFor } from "../documents/documentSummaries.ts";
import { messages } from "../messages.ts";
import type { Services } from "../services.ts";
import { HttpError } from "./json.ts";
import { LiveEventStream, type OpenStreams } from "./liveEventStream.ts";
import type { Route } from "./router.ts";
import { sseEvent } from "./serverSentEvents.ts";

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
 * logout or an expired session ends it. Streams end when the server closes
 * (`OpenStreams.closeAll`); the stream's mechanics are `LiveEventStream`'s.
 */
export function documentEventStreamRoutes(services: Services, open: OpenStreams): Route[] {
  return [
    {
      method: "GET",
      path: "/api/documents/:id/events",
      handle: async (ctx) => {
        const auth = await ctx.user();
        const docId = ctx.params.id ?? "";
        const stream = new DocumentEventStream(services, ctx.req, ctx.res, docId, auth.principal.accountId, {
          id: auth.credential.id,
          expiresAt: auth.credential.expiresAt,
        });
        // Listening before the summary is read: an event meanwhile is not lost.
        stream.listen();
        try {
          const summary = await documentSummaryFor(services, auth.principal, docId);
          // The same answer whether it does not exist or is not yours: ids are not confirmed to outsiders.
          if (!summary) throw new HttpError(404, "not-found", messages.documentNotFound);
          open.admit(stream);
          // The client may have left while its summary was read: nothing to start.
          if (ctx.req.socket.destroyed) {
            stream.close();
            open.remove(stream);
            return;
          }
          stream.start(JSON.stringify(summary), () => open.remove(stream));
        } catch (error) {
          stream.close();
          throw error;
        }
      },
    },
  ];
}

/** One page's stream of one document's summary and conflicts. */
class DocumentEventStream extends LiveEventStream<DocumentEvent["type"]> {
  private lastSummary = "";

  constructor(
    services: Services,
    req: IncomingMessage,
    res: ServerResponse,
    private readonly docId: string,
    accountId: string,
    credential: { readonly id: string; readonly expiresAt: string | null },
  ) {
    super(services, req, res, accountId, credential);
  }

  /** Subscribes to the document's events; they wait until the stream has started. */
  listen(): void {
    this.keep(this.services.events.subscribe(this.docId, (event) => this.ask(event.type)));
  }

  override start(summaryJson: string, onClosed: () => void): void {
    this.lastSummary = summaryJson;
    super.start(sseEvent("summary", summaryJson), onClosed);
  }

  /**
   * Decides access again (every event, whatever it is), then sends the summary
   * when an event asked for it or it changed, and `conflicts` when asked.
   */
  protected async pass(asked: ReadonlySet<DocumentEvent["type"]>): Promise<void> {
    // As on a new request: the session may have ended or the rights changed since the last event.
    const principal = await this.authenticate();
    const summary = principal ? await documentSummaryFor(this.services, principal, this.docId) : null;
    if (this.isClosed) return;
    if (!summary) {
      this.close();
      return;
    }
    const json = JSON.stringify(summary);
    let out = "";
    if (asked.has("summary") || json !== this.lastSummary) {
      this.lastSummary = json;
      out += sseEvent("summary", json);
    }
    // A payload, however small: some clients drop an event whose data is empty.
    if (asked.has("conflicts")) out += sseEvent("conflicts", "{}");
    if (out) this.write(out);
  }
}
