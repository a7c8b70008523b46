import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { CloseCode, documentId, parseRoomName, SAVED_QUERY_PARAMETER } from "@karta/schema";
import { WebSocketServer } from "ws";
import { AccessControl } from "./access/AccessControl.ts";
import { AuditLog } from "./audit/AuditLog.ts";
import { noCredentialIfMalformed } from "./auth/cookies.ts";
import { Sessions } from "./auth/Sessions.ts";
import { CommentActivity } from "./comments/CommentActivity.ts";
import type { Config } from "./config.ts";
import { createRequestHandler } from "./http/createRequestHandler.ts";
import { decodePathSegment, parseRequestTarget } from "./http/requestTarget.ts";
import { isSameOrigin } from "./http/sameOrigin.ts";
import { MAX_FRAME_BYTES, MAX_SOCKETS_PER_ACCOUNT, MAX_SOCKETS_PER_CREDENTIAL } from "./limits.ts";
import type { Logger } from "./log.ts";
import type { Services } from "./services.ts";
import type { DirectoryStore } from "./storage/DirectoryStore.ts";
import type { DocumentStore } from "./storage/DocumentStore.ts";
import { Connection, type ConnectionGrant, closeWithGrace } from "./sync/Connection.ts";
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

type UpgradeDecision = { grant: ConnectionGrant } | { refuse: number; reason: string };

/** HTTP and websocket on one port: /api/*, /sync/<docId>[:comments], and the web app. */
export async function startServer(
  config: Config,
  store: DocumentStore,
  directory: DirectoryStore,
  log: Logger,
): Promise<RunningServer> {
  const access = new AccessControl(directory, store);
  const audit = new AuditLog(directory, log);
  const live = new LiveConnections(access, log);
  const commentActivity = new CommentActivity(store, audit, log);
  const rooms = new RoomRegistry(store, log, config.IDLE_UNLOAD_MS, {
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
    onStored: (room, doc) => {
      const { docId, part } = parseRoomName(room);
      if (part === "comments") void commentActivity.stored(docId, doc);
    },
  });
  const services: Services = {
    store,
    directory,
    access,
    audit,
    live,
    log,
    rooms,
    commentActivity,
    sessions: new Sessions(directory, audit, live, config.SESSION_TTL_MS),
    cookieSecure: config.COOKIE_SECURE,
  };
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const httpServer = http.createServer(
    createRequestHandler({
      services,
      webDist: config.WEB_DIST,
      version: SERVER_VERSION,
      health: () => ({ loadedDocuments: rooms.loadedCount, connections: wss.clients.size }),
    }),
  );

  /**
   * Authorised before the websocket exists. A refusal still completes the
   * handshake and then closes with a code, because a browser cannot read the
   * HTTP status of a failed upgrade, and the app must say why in Russian.
   * Nothing of the document is sent on a refused socket.
   */
  const decide = async (req: IncomingMessage, room: string, url: URL): Promise<UpgradeDecision> => {
    const auth = await access
      .authenticate(req.headers, { queryToken: url.searchParams.get("access_token") })
      .catch(noCredentialIfMalformed);
    if (!auth) return { refuse: CloseCode.Unauthorized, reason: "not signed in" };
    // A cookie is sent by the browser whichever site opens the socket: refuse
    // other sites' pages (cross-site websocket hijacking). Tokens are not ambient.
    if (auth.credential.kind === "session" && !isSameOrigin(req)) {
      return { refuse: CloseCode.Forbidden, reason: "cross-site request" };
    }
    const { docId } = parseRoomName(room);
    const found = documentId.safeParse(docId).success ? await access.roomAccess(auth.principal, room) : null;
    if (!found) return { refuse: CloseCode.DocumentNotFound, reason: "no such document" };
    if (found.level === "none") {
      await audit.record({
        action: "access-refused",
        actorId: auth.principal.accountId,
        scopeOrganisationId: found.record.organisationId,
        subject: `${found.record.title} (${found.record.organisation})`,
        details: `websocket ${room}`,
      });
      return { refuse: CloseCode.Forbidden, reason: "no access to this document" };
    }
    const { credential } = auth;
    return {
      grant: {
        accountId: auth.principal.accountId,
        displayName: auth.principal.fullName,
        credentialId: credential.id,
        expiresAt: credential.expiresAt,
        level: found.level,
        canWrite: found.canWrite,
      },
    };
  };

  /**
   * Counted when the socket is about to join, in the same turn as it is added
   * to `live`: upgrades decided together cannot all slip under the limit.
   */
  const withinSocketLimits = (decision: { grant: ConnectionGrant }): UpgradeDecision => {
    const open = live.countOf(decision.grant.accountId, decision.grant.credentialId);
    if (open.credential < MAX_SOCKETS_PER_CREDENTIAL && open.account < MAX_SOCKETS_PER_ACCOUNT) return decision;
    return { refuse: CloseCode.RateLimited, reason: "too many open connections" };
  };

  // Sockets of laptops that went to sleep never send a close: ping them out.
  const alive = new WeakSet<object>();
  httpServer.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const url = parseRequestTarget(req.url);
    const match = url && SYNC_PATH.exec(url.pathname);
    const room = match ? decodePathSegment(match[1] as string) : null;
    if (!url || room === null) {
      socket.end(`HTTP/1.1 ${match ? "400 Bad Request" : "404 Not Found"}\r\nConnection: close\r\n\r\n`);
      return;
    }
    decide(req, room, url)
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
          const final = "refuse" in decision ? decision : withinSocketLimits(decision);
          if ("refuse" in final) {
            closeWithGrace(ws, final.refuse, final.reason);
            return;
          }
          const { grant } = final;
          // With noServer, ws never emits "connection": liveness starts here.
          alive.add(ws);
          ws.on("pong", () => alive.add(ws));
          const wantsSaved = url.searchParams.get(SAVED_QUERY_PARAMETER) === "1";
          void handleSyncSocket(new Connection(ws, room, grant, wantsSaved), { rooms, live });
        });
      });
  });

  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) ws.terminate();
      else {
        alive.delete(ws);
        ws.ping();
      }
    }
    live.closeExpired();
  }, config.PING_INTERVAL_MS);
  pinger.unref();

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;

  return {
    port,
    services,
    async close() {
      clearInterval(pinger);
      httpServer.close();
      await rooms.shutdown();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      httpServer.closeAllConnections();
    },
  };
}
