import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { CloseCode, parseRoomName, SAVED_QUERY_PARAMETER } from "@karta/schema";
import { WebSocketServer } from "ws";
import { AccessControl } from "./access/AccessControl.ts";
import { AuditLog } from "./audit/AuditLog.ts";
import { Sessions } from "./auth/Sessions.ts";
import { CommentActivity } from "./comments/CommentActivity.ts";
import type { Config } from "./config.ts";
import { recordCellFacts } from "./documents/cellFacts.ts";
import { CoalescedPublisher, InProcessDocumentEvents } from "./documents/DocumentEvents.ts";
import { Versions } from "./documents/versions.ts";
import type { EvidenceFiles } from "./evidence/EvidenceFiles.ts";
import { UpgradeAuthorizer, type UpgradeDecision } from "./http/authorizeUpgrade.ts";
import { createRequestHandler } from "./http/createRequestHandler.ts";
import { OpenStreams } from "./http/liveEventStream.ts";
import { decodePathSegment, parseRequestTarget } from "./http/requestTarget.ts";
import { FACTS_REFRESH_DELAY_MS, MAX_FRAME_BYTES, SUMMARY_EVENT_DELAY_MS } from "./limits.ts";
import type { Logger } from "./log.ts";
import { MonitoringReadModel } from "./monitoring/MonitoringReadModel.ts";
import { ClusterDocumentEvents } from "./scaleout/ClusterDocumentEvents.ts";
import type { Fanout } from "./scaleout/Fanout.ts";
import type { Services } from "./services.ts";
import type { DirectoryStore } from "./storage/DirectoryStore.ts";
import type { DocumentStore } from "./storage/DocumentStore.ts";
import type { EvidenceStore } from "./storage/EvidenceStore.ts";
import { Connection, closeWithGrace } from "./sync/Connection.ts";
import { Heartbeat } from "./sync/Heartbeat.ts";
import { handleSyncSocket } from "./sync/handleSyncSocket.ts";
import { LiveConnections } from "./sync/LiveConnections.ts";
import { RoomRegistry } from "./sync/RoomRegistry.ts";
import { limitsFor, upgradeRoom } from "./sync/roomRules.ts";

export interface RunningServer {
  readonly port: number;
  readonly services: Services;
  /** Stops accepting, flushes every loaded document and closes sockets. */
  close(): Promise<void>;
}

const SYNC_PATH = /^\/sync\/([^/?]+)$/;
export const SERVER_VERSION = "0.1.0";

/** HTTP and websocket on one port: /api/*, /sync/<docId>[:comments], and the web app. */
export async function startServer(
  config: Config,
  store: DocumentStore,
  directory: DirectoryStore,
  log: Logger,
  evidence: { readonly store: EvidenceStore; readonly files: EvidenceFiles },
  /** The other instances of the deployment, if there are some. */
  fanout: Fanout | null = null,
): Promise<RunningServer> {
  const access = new AccessControl(directory, store);
  const audit = new AuditLog(directory, log);
  const live = new LiveConnections(access, log);
  const commentActivity = new CommentActivity(store, audit, log);
  const localEvents = new InProcessDocumentEvents((error, docId) =>
    log.error({ err: error, docId }, "a document event listener failed"),
  );
  // Several instances: a page hears of what happened on any of them.
  const events = fanout ? new ClusterDocumentEvents(localEvents, fanout) : localEvents;
  // Comments move the summary's counts in bursts (a thread, its replies): one event a few seconds after.
  const eventsSoon = new CoalescedPublisher(events, SUMMARY_EVENT_DELAY_MS);
  const rooms = new RoomRegistry(
    store,
    log,
    config.IDLE_UNLOAD_MS,
    {
      limitsFor: (room) => limitsFor(store, room),
      upgrade: upgradeRoom,
      onRefused: (connection, reason) => {
        void audit.record({
          action: "access-refused",
          actorId: connection.grant.accountId,
          scopeOrganisationId: null,
          subject: connection.docId,
          details: `update refused: ${reason}`,
        });
      },
      onStored: (room, doc, change) => {
        const { docId, part } = parseRoomName(room);
        if (part === "comments") {
          void commentActivity.stored(docId, doc).then(() => eventsSoon.soon(docId, { type: "summary" }));
        } else {
          // No summary event: the summary's updatedAt moves when the log is compacted, not at each update.
          void versions.changed(docId, doc);
          monitoring.contentChanged(docId);
          void recordCellFacts(store, log, docId, change).then((conflicts) => {
            if (conflicts > 0) events.publish(docId, { type: "conflicts" });
          });
        }
      },
    },
    fanout,
  );
  if (fanout) {
    live.joinCluster(fanout, async (docId) => {
      // Another instance moved the document along the workflow: its room here locks or unlocks too.
      await rooms.setLocked(docId, (await store.getDocument(docId))?.status === "submitted");
    });
  }
  const versions = new Versions(store, rooms, log);
  const monitoring = new MonitoringReadModel({
    store,
    tree: () => access.tree(),
    loadedDoc: (docId) => rooms.loadedDoc(docId),
    log,
    delayMs: FACTS_REFRESH_DELAY_MS,
    factsStored: fanout ? (docId) => fanout.publishDocumentEvent(docId, { type: "facts" }) : undefined,
  });
  fanout?.onDocumentEvent((docId, event) => {
    if (event.type === "facts") monitoring.storedElsewhere(docId);
  });
  // A workflow step, a new document, comments: what a dashboard shows besides the content.
  events.subscribeAll((docId) => monitoring.documentChanged(docId));
  const services: Services = {
    store,
    directory,
    access,
    audit,
    live,
    log,
    rooms,
    commentActivity,
    versions,
    events,
    monitoring,
    evidence: evidence.store,
    evidenceFiles: evidence.files,
    sessions: new Sessions(directory, audit, live, config.SESSION_TTL_MS),
    cookieSecure: config.COOKIE_SECURE,
    trustedProxies: new Set(config.TRUST_PROXY),
  };
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const streams = new OpenStreams();
  const httpServer = http.createServer(
    createRequestHandler({
      services,
      streams,
      webDist: config.WEB_DIST,
      version: SERVER_VERSION,
      health: () => ({ loadedDocuments: rooms.loadedCount, connections: wss.clients.size }),
    }),
  );

  const authorizer = new UpgradeAuthorizer(access, audit, live);

  // Sockets of laptops that went to sleep never send a close: ping them out. Expired sessions close too.
  const heartbeat = new Heartbeat(config.PING_INTERVAL_MS, () => live.closeExpired());
  httpServer.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const url = parseRequestTarget(req.url);
    const match = url && SYNC_PATH.exec(url.pathname);
    const room = match ? decodePathSegment(match[1] as string) : null;
    if (!url || room === null) {
      socket.end(`HTTP/1.1 ${match ? "400 Bad Request" : "404 Not Found"}\r\nConnection: close\r\n\r\n`);
      return;
    }
    authorizer
      .decide(req, room, url)
      .catch((error: unknown): UpgradeDecision => {
        log.error({ err: error, room }, "authorising a websocket failed");
        return { refuse: CloseCode.DocumentUnavailable, reason: "server error" };
      })
      .then((decision) => {
        if (socket.destroyed) return;
        wss.handleUpgrade(req, socket, head, (ws) => {
          // ws reports a client's protocol violation (an unmasked frame, say) as an "error"
          // event; one without a listener is an uncaught exception. Log it; ws closes the socket.
          ws.on("error", (error) => log.debug({ err: error, room }, "socket error"));
          const final = "refuse" in decision ? decision : authorizer.withinSocketLimits(decision);
          if ("refuse" in final) {
            closeWithGrace(ws, final.refuse, final.reason);
            return;
          }
          const { grant } = final;
          // With noServer, ws never emits "connection": liveness starts here.
          heartbeat.add(ws);
          const wantsSaved = url.searchParams.get(SAVED_QUERY_PARAMETER) === "1";
          void handleSyncSocket(new Connection(ws, room, grant, wantsSaved), { rooms, live });
        });
      });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;

  return {
    port,
    services,
    async close() {
      heartbeat.stop();
      httpServer.close();
      // Open events streams would keep their connections (and httpServer.close) waiting forever.
      eventsSoon.close();
      streams.closeAll();
      await monitoring.flush();
      await rooms.shutdown();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      httpServer.closeAllConnections();
    },
  };
}
