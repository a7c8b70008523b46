/** One server-sent event as read off the stream. */
export interface StreamEvent {
  readonly event: string;
  readonly data: string;
}

export interface EventStreamClient {
  readonly status: number;
  readonly headers: Headers;
  /** Every event received so far, in order. */
  readonly events: readonly StreamEvent[];
  /** Comment lines (heartbeats) received so far. */
  readonly comments: readonly string[];
  /** Resolves when the server ended the stream (or it broke). */
  readonly ended: Promise<void>;
  /**
   * The first event from index `from` on (default: the next one not yet taken)
   * that satisfies `match`; fails with `message` after `timeoutMs`.
   */
  next(match: (event: StreamEvent) => boolean, message: string, timeoutMs?: number): Promise<StreamEvent>;
  close(): void;
}

/**
 * GET /api/documents/<id>/events as a browser's EventSource asks it: the
 * session cookie, `accept: text/event-stream`; the body read as it arrives
 * and parsed into events (the HTML standard's format: `event:`/`data:` lines,
 * a blank line ends one, a line starting with ":" is a comment).
 */
export function openEventStream(httpUrl: string, docId: string, secret: string): Promise<EventStreamClient> {
  return openEventStreamAt(`${httpUrl}/api/documents/${encodeURIComponent(docId)}/events`, secret);
}

/** Any events stream of the API (a dashboard's too), asked as a browser's EventSource asks it. */
export async function openEventStreamAt(url: string, secret: string): Promise<EventStreamClient> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { cookie: `karta_session=${encodeURIComponent(secret)}`, accept: "text/event-stream" },
    signal: abort.signal,
  });
  const events: StreamEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  let taken = 0;
  let done = false;
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };

  const ended = (async () => {
    if (!response.body) return;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = "message";
          const data: string[] = [];
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) comments.push(line.slice(1).trim());
            else if (line.startsWith("event:")) event = line.slice("event:".length).trim();
            else if (line.startsWith("data:")) data.push(line.slice("data:".length).replace(/^ /, ""));
          }
          if (data.length > 0) events.push({ event, data: data.join("\n") });
          end = buffer.indexOf("\n\n");
        }
        wake();
      }
    } catch {
      // Aborted by close(), or the connection broke: the stream has ended either way.
    } finally {
      done = true;
      wake();
    }
  })();

  return {
    status: response.status,
    headers: response.headers,
    events,
    comments,
    ended,
    next(match, message, timeoutMs = 10_000) {
      return new Promise<StreamEvent>((resolve, reject) => {
        const look = () => {
          for (let i = taken; i < events.length; i++) {
            const event = events[i] as StreamEvent;
            if (match(event)) {
              taken = i + 1;
              finish();
              resolve(event);
              return;
            }
          }
          if (done) {
            finish();
            reject(new Error(`the stream ended before: ${message}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`timed out: ${message}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(look);
        };
        waiters.add(look);
        look();
      });
    },
    close() {
      abort.abort();
    },
  };
}
