/**
 * The text/event-stream format (HTML Living Standard, "Server-sent events"):
 * an event is `event:` and `data:` lines ended by a blank line; a line that
 * starts with a colon is a comment, which clients ignore (a heartbeat).
 */

/** One event; data with line breaks becomes several `data:` lines, which the client joins with "\n". */
export function sseEvent(name: string, data: string): string {
  if (/[\r\n]/.test(name)) throw new Error("an event name is one line");
  const lines = data.split(/\r\n|\r|\n/).map((line) => `data: ${line}\n`);
  return `event: ${name}\n${lines.join("")}\n`;
}

/** A comment: keeps the connection busy, delivers nothing. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, " ")}\n\n`;
}

/** How long the client waits before it reconnects after the stream ended or broke. */
export function sseRetry(ms: number): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`;
}

/** Headers of an events stream: never cached or transformed, never buffered by a proxy. */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-store, no-transform",
  connection: "keep-alive",
  // nginx buffers proxied responses unless told not to.
  "x-accel-buffering": "no",
};
