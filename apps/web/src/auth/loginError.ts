import { ApiRequestError } from "../api/http.ts";
import { messages } from "../messages.ts";

const SAYS_WHEN_TO_RETRY: ReadonlySet<string> = new Set(["throttled", "login-in-progress"]);

/**
 * The sentence under the login form for a failed attempt: a wrong login or
 * password, too many attempts or a busy server (the server's sentence says how long to wait),
 * or no server at all.
 */
export function loginErrorMessage(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return messages.api.failed;
  if (error.kind === "unreachable") return messages.login.unreachable;
  if (error.status === 401) return messages.login.wrongCredentials;
  // The server's own 429 and 503 sentences say why (too many failures, a login already
  // under way from this address, a busy server) and how long to wait; a proxy's do not.
  if (error.status === 429) return SAYS_WHEN_TO_RETRY.has(error.code ?? "") ? error.message : messages.login.throttled;
  if (error.code === "server-busy") return error.message;
  if (error.status !== undefined && error.status >= 500) return messages.login.unreachable;
  return error.message;
}
