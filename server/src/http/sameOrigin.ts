import type { IncomingMessage } from "node:http";

/** What a browser may say in Sec-Fetch-Site about a request the app itself made. */
const OWN_FETCH_SITES = new Set(["same-origin", "none"]);

/**
 * True when the request was made by a page of this host, or by no browser at all.
 *
 * The session cookie is ambient: SameSite=Lax keeps it off requests from other
 * sites, but a page on another port of the same host is the same *site* and
 * gets it sent. So a browser request must name this very origin: `Origin`
 * (sent on every state-changing fetch and form post, and on websockets) must
 * be this Host, "null" included in the refusal; when a browser sends no Origin,
 * its `Sec-Fetch-Site` must say the request is the app's own (or typed by the
 * user: "none"). A client with neither header is not a browser (curl, a script
 * with a token): nothing ambient rides along, so it passes. Behind a reverse
 * proxy the Host header must reach the server unchanged.
 */
export function isSameOrigin(req: Pick<IncomingMessage, "headers">): boolean {
  const { origin, host } = req.headers;
  const fetchSite = req.headers["sec-fetch-site"];
  if (typeof fetchSite === "string" && !OWN_FETCH_SITES.has(fetchSite.toLowerCase())) return false;
  if (origin === undefined) return true;
  if (!host) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    // "null" (a sandboxed frame, a file: page, some redirects) and anything else that is not a URL.
    return false;
  }
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Whether the method changes something, and so must come from the app (see `isSameOrigin`). */
export function changesState(method: string | undefined): boolean {
  return STATE_CHANGING.has(method ?? "GET");
}
