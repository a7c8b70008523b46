import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { MAX_JSON_BODY_BYTES } from "../limits.ts";
import { messages } from "../messages.ts";
import { isJsonMediaType } from "./mediaType.ts";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** Shown to the user as is: Russian. */
    readonly userMessage: string,
  ) {
    super(`${status} ${code}`);
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(text);
}

/** Reads a JSON body, refusing anything over the limit before it is buffered whole. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!isJsonMediaType(req.headers["content-type"])) {
    throw new HttpError(415, "unsupported-media-type", messages.expectJson);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BODY_BYTES) throw new HttpError(413, "too-large", messages.tooLarge);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "invalid-json", messages.invalidJson);
  }
}

/** Reads and validates a JSON body; a bad one is a 400 naming the fields. */
export async function readBody<T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.output<T>> {
  return parseOr400(schema, await readJson(req));
}

/** The query string's parameters, validated by a schema (400 naming the bad ones otherwise). */
export function readQuery<T extends z.ZodType>(url: URL, schema: T): z.output<T> {
  return parseOr400(schema, Object.fromEntries(url.searchParams));
}

const RUSSIAN = /[А-Яа-яЁё]/;

function parseOr400<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // A schema that words its errors in Russian (e.g. «ФИО: не короче 3 символов») means them for the user.
  const own = parsed.error.issues.map((i) => i.message);
  if (own.every((m) => RUSSIAN.test(m))) {
    throw new HttpError(400, "invalid-request", messages.invalidValues([...new Set(own)].join("; ")));
  }
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || messages.requestBody))].join(", ");
  throw new HttpError(400, "invalid-request", messages.invalidFields(fields));
}

/** 204 with optional extra headers (e.g. Set-Cookie). */
export function sendNoContent(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(204, { "cache-control": "no-store", ...headers });
  res.end();
}
