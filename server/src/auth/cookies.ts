export const SESSION_COOKIE = "karta_session";

/**
 * A cookie of ours whose value is not valid percent-encoding: the client's
 * error (the HTTP handler answers 400, the websocket upgrade refuses), never
 * a server failure.
 */
export class MalformedCookieError extends Error {
  constructor(readonly cookieName: string) {
    super(`cookie ${cookieName} is not valid percent-encoding`);
  }
}

/** Reads one cookie from a Cookie header; throws MalformedCookieError when its value cannot be decoded. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        throw new MalformedCookieError(name);
      }
    }
  }
  return null;
}

/** For an authentication that may read the cookie: a malformed one counts as no credential at all. */
export function noCredentialIfMalformed(error: unknown): null {
  if (error instanceof MalformedCookieError) return null;
  throw error;
}

/** HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it). */
export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie("", 0, secure);
}
