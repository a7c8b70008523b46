/**
 * Reading what a client put on the request line. Both the HTTP handler and the
 * websocket upgrade run outside any promise chain, so a throw there (`new URL`
 * on "//", `decodeURIComponent` on "%E0%A4%A") would be an uncaught exception
 * and take the whole process down: these never throw.
 */

/**
 * The request's path and query as a URL (only those are read), or null when the
 * target is neither "/path?query" nor an absolute "http(s)://host/path" (RFC 9112 §3.2).
 */
export function parseRequestTarget(target: string | undefined): URL | null {
  const raw = target ?? "/";
  // Joining instead of resolving against a base keeps "//x" a path, not a host.
  if (raw.startsWith("/")) return tryUrl(`http://localhost${raw}`);
  return /^https?:\/\//i.test(raw) ? tryUrl(raw) : null;
}

function tryUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** A percent-encoded path segment, decoded, or null when it is not valid UTF-8 percent-encoding. */
export function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
