import { ApiRequestError } from "../api/http.ts";
import { messages } from "../messages.ts";

/**
 * The sentence under the login form for a failed attempt: a wrong login or
 * password, too many attempts (the server's sentence says how long to wait),
 * or no server at all.
 */
export function loginErrorMessage(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return messages.api.failed;
  if (error.kind === "unreachable") return messages.login.unreachable;
  if (error.status === 401) return messages.login.wrongCredentials;
  if (error.status === 429) return error.code === "throttled" ? error.message : messages.login.throttled;
  if (error.status !== undefined && error.status >= 500) return messages.login.unreachable;
  return error.message;
}
