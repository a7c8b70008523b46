import type { IncomingMessage, ServerResponse } from "node:http";
import type { Authenticated } from "../access/AccessControl.ts";
import { messages } from "../messages.ts";
import { HttpError } from "./json.ts";
import { decodePathSegment } from "./requestTarget.ts";

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  /** The signed-in user; throws 401 when there is none. */
  user(): Promise<Authenticated>;
}

export interface Route {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** A path with `:name` segments, e.g. `/api/people/:id/roles/:grantId`. */
  readonly path: string;
  readonly handle: (ctx: RequestContext) => Promise<void> | void;
}

interface CompiledRoute extends Route {
  readonly pattern: RegExp;
}

/** Matches method and path, `:name` segments becoming params. Unknown paths are 404, known ones with another method 405. */
export function compileRoutes(
  routes: readonly Route[],
): (method: string, pathname: string) => { route: Route; params: Record<string, string> } {
  const compiled: CompiledRoute[] = routes.map((r) => ({
    ...r,
    pattern: new RegExp(`^${r.path.replace(/:(\w+)/g, "(?<$1>[^/]+)")}$`),
  }));
  return (method, pathname) => {
    let pathMatched = false;
    for (const route of compiled) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      return { route, params: decodeParams(match.groups ?? {}) };
    }
    if (pathMatched) throw new HttpError(405, "method-not-allowed", messages.methodNotAllowed);
    throw new HttpError(404, "not-found", messages.notFoundApi);
  };
}

/** `:name` segments, percent-decoded; broken percent-encoding (`%E0%A4%A`) is the client's error, a 400. */
function decodeParams(groups: Record<string, string>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, segment] of Object.entries(groups)) {
    const decoded = decodePathSegment(segment);
    if (decoded === null) throw new HttpError(400, "bad-request", messages.badPathEncoding);
    params[name] = decoded;
  }
  return params;
}
