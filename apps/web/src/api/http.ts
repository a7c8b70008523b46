import { apiError } from "@karta/schema";
import { messages } from "../messages.ts";

/** A failed API call, with a sentence in Russian the page can show as it is. */
export class ApiRequestError extends Error {
  constructor(
    /** "unreachable": no answer at all (offline, server down); "server": an error answer. */
    readonly kind: "unreachable" | "server",
    message: string,
    readonly code?: string,
    /** The HTTP status of an error answer. */
    readonly status?: number,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

let unauthorizedHandler: (() => void) | null = null;

/**
 * Who is told when the server answers 401 to a signed-in call: the session
 * store, which sends the user to the login page. One handler, set at start.
 */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/** A zod schema, or anything else that checks an answer and returns it typed. */
export interface Parser<T> {
  parse(value: unknown): T;
}

export interface ApiOptions {
  readonly method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /** Calls where 401 is an ordinary answer (login, "who am I"): no redirect to the login page. */
  readonly expectUnauthorized?: boolean;
  /** The sentence for an error answer without the server's own (a proxy's 500, say). */
  readonly fallbackMessage?: string;
}

/**
 * One JSON call to the API on this origin (the session cookie goes along),
 * its answer checked with a zod schema. Every failure is an ApiRequestError
 * with a Russian sentence; a 401 also ends the session in the app.
 */
export async function apiRequest<T>(url: string, schema: Parser<T> | null, options: ApiOptions = {}): Promise<T> {
  const { method = "GET", body, signal } = options;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      signal,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError("unreachable", messages.api.serverUnreachable);
  }
  const payload: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (response.ok) return (schema ? schema.parse(payload) : payload) as T;

  const parsed = apiError.safeParse(payload);
  // A proxy in front of a stopped server answers 502/504 without our error shape.
  if (!parsed.success && response.status >= 502 && response.status <= 504) {
    throw new ApiRequestError("unreachable", messages.api.serverUnreachable);
  }
  if (response.status === 401 && !options.expectUnauthorized) unauthorizedHandler?.();
  throw new ApiRequestError(
    "server",
    parsed.success ? parsed.data.message : (options.fallbackMessage ?? messages.api.failed),
    parsed.success ? parsed.data.error : undefined,
    response.status,
  );
}

/** The Russian sentence for any failure of an API call. */
export function failureMessage(error: unknown, fallback: string = messages.api.failed): string {
  return error instanceof ApiRequestError ? error.message : fallback;
}
