import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { HealthResponse } from "@karta/schema";
import sirv from "sirv";
import type { Authenticated } from "../access/AccessControl.ts";
import { clearedSessionCookie, MalformedCookieError } from "../auth/cookies.ts";
import { messages } from "../messages.ts";
import type { Services } from "../services.ts";
import { cellsRoutes } from "./cellsRoutes.ts";
import { changesRoutes } from "./changesRoutes.ts";
import { commentsRoutes } from "./commentsRoutes.ts";
import { dashboardRoutes } from "./dashboardRoutes.ts";
import { documentEventStreamRoutes } from "./documentEventStreams.ts";
import { documentRoutes } from "./documentsApi.ts";
import { evidenceRoutes } from "./evidenceRoutes.ts";
import { exportRoutes } from "./exportRoutes.ts";
import { figuresRoutes } from "./figuresRoutes.ts";
import { firstRowsRoutes } from "./firstRowsRoutes.ts";
import { HttpError, sendJson } from "./json.ts";
import type { OpenStreams } from "./liveEventStream.ts";
import { peopleRoutes } from "./peopleRoutes.ts";
import { registryRoutes } from "./registryRoutes.ts";
import { parseRequestTarget } from "./requestTarget.ts";
import { compileRoutes, type RequestContext, type Route } from "./router.ts";
import { changesState, isSameOrigin } from "./sameOrigin.ts";
import { setSecurityHeaders } from "./securityHeaders.ts";
import { sessionRoutes } from "./sessionRoutes.ts";
import { versionsRoutes } from "./versionsRoutes.ts";
import { workflowRoutes } from "./workflowRoutes.ts";

export interface HttpDeps {
  services: Services;
  /** The open events streams (a document's, a dashboard's), which the server ends when it closes. */
  streams: OpenStreams;
  webDist: string;
  health: () => Omit<HealthResponse, "status" | "version">;
  version: string;
}

/** The HTTP side: JSON routes under /api, everything else is the web app. */
export function createRequestHandler(deps: HttpDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const { services } = deps;
  const health: Route = {
    method: "GET",
    path: "/api/health",
    handle: ({ res }) => sendJson(res, 200, { status: "ok", version: deps.version, ...deps.health() }),
  };
  const match = compileRoutes([
    health,
    ...sessionRoutes(services),
    ...documentRoutes(services),
    ...firstRowsRoutes(services),
    ...documentEventStreamRoutes(services, deps.streams),
    ...dashboardRoutes(services, deps.streams),
    ...commentsRoutes(services),
    ...evidenceRoutes(services),
    ...workflowRoutes(services),
    ...versionsRoutes(services),
    ...changesRoutes(services),
    ...exportRoutes(services),
    ...cellsRoutes(services),
    ...registryRoutes(services),
    ...figuresRoutes(services),
    ...peopleRoutes(services),
  ]);
  const web = fs.existsSync(deps.webDist)
    ? sirv(deps.webDist, { single: true, etag: true, gzip: false })
    : (_req: IncomingMessage, res: ServerResponse) => {
        res.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
        res.end(messages.webNotBuilt);
      };

  return (req, res) => {
    const url = parseRequestTarget(req.url);
    setSecurityHeaders(res, url?.pathname ?? "/");
    if (!url) {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      res.end(messages.badRequestTarget);
      return;
    }
    if (!url.pathname.startsWith("/api/")) {
      // sirv calls next() for a missing asset (the SPA fallback covers only pages).
      web(req, res, () => {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        res.end(messages.notFoundPage);
      });
      return;
    }
    const handle = async () => {
      // Decided before any route runs: a page of another origin (another port of
      // this host included, which SameSite=Lax does not stop) changes nothing.
      if (changesState(req.method) && !isSameOrigin(req)) {
        throw new HttpError(403, "cross-site", messages.crossSite);
      }
      const { route, params } = match(req.method ?? "GET", url.pathname);
      let user: Promise<Authenticated | null> | undefined;
      const ctx: RequestContext = {
        req,
        res,
        url,
        params,
        async user() {
          user ??= services.access.authenticate(req.headers);
          const auth = await user;
          if (!auth) throw new HttpError(401, "unauthorized", messages.unauthorized);
          return auth;
        },
      };
      await route.handle(ctx);
    };
    handle().catch((error: unknown) => {
      if (error instanceof HttpError) {
        if (!res.headersSent) sendJson(res, error.status, { error: error.code, message: error.userMessage });
        return;
      }
      if (error instanceof MalformedCookieError) {
        // Cleared, so that the next request is simply not signed in and the app shows the login page.
        const cleared = { "set-cookie": clearedSessionCookie(services.cookieSecure) };
        if (!res.headersSent) sendJson(res, 400, { error: "bad-request", message: messages.badSessionCookie }, cleared);
        return;
      }
      services.log.error({ err: error, url: url.pathname }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal", message: messages.internal });
      else res.destroy();
    });
  };
}
