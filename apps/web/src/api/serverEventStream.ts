/**
 * A Server-Sent Events stream of the API (same origin, so the session cookie
 * goes along), held only while a page is visible (`pause`/`resume`): over
 * HTTP/1.1 a browser opens at most six connections to one server, and each
 * open stream holds one; hidden tabs must not take them all. EventSource
 * reconnects by itself after a broken connection; after an error answer (401,
 * 403, 404) it gives up, and the stream is `failed` until revived.
 * The document page (document/documentEventStream.ts) and «Мониторинг»
 * (monitoring/useDashboard.ts) each hold one.
 */

/**
 * - `connecting`: opening, or reconnecting after the connection broke;
 * - `open`: events arrive;
 * - `failed`: the server refused it; the browser will not try again;
 * - `paused`: closed on purpose while the page is hidden.
 */
export type EventStreamState = "connecting" | "open" | "failed" | "paused";

/** The part of EventSource used here (a fake in the unit tests). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}

/** EventSource.CLOSED: the browser gave up on this source. */
const CLOSED = 2;

export class ServerEventStream<T extends string> {
  private source: EventSourceLike | null = null;
  private current: EventStreamState = "paused";
  private readonly handlers = new Map<T, Set<(data: string) => void>>();
  private readonly watchers = new Set<() => void>();
  private disposed = false;

  constructor(
    private readonly url: string,
    /** The event names listened to (`event:` lines of the stream). */
    private readonly types: readonly T[],
    private readonly create: (url: string) => EventSourceLike = (u) => new EventSource(u),
  ) {}

  get state(): EventStreamState {
    return this.current;
  }

  /** Calls `handler` with each event's data; returns the function that stops it. */
  on(type: T, handler: (data: string) => void): () => void {
    const set = this.handlers.get(type) ?? new Set();
    set.add(handler);
    this.handlers.set(type, set);
    return () => set.delete(handler);
  }

  /** Calls `watcher` whenever `state` changes (the shape useSyncExternalStore wants). */
  subscribe = (watcher: () => void): (() => void) => {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  };

  /** Opens the stream unless it is open or opening. */
  resume(): void {
    if (this.disposed || this.source) return;
    const source = this.create(this.url);
    this.source = source;
    source.addEventListener("open", () => {
      if (this.source === source) this.set("open");
    });
    source.addEventListener("error", () => {
      if (this.source !== source) return;
      if (source.readyState === CLOSED) {
        this.source = null;
        this.set("failed");
      } else this.set("connecting");
    });
    for (const type of this.types) {
      source.addEventListener(type, (event) => {
        if (this.source !== source) return;
        const data = (event as MessageEvent).data;
        for (const handler of [...(this.handlers.get(type) ?? [])]) handler(typeof data === "string" ? data : "");
      });
    }
    this.set("connecting");
  }

  /** Closes the stream for now (the page is hidden); `resume` opens it again. */
  pause(): void {
    if (this.disposed) return;
    this.drop();
    this.set("paused");
  }

  /** Opens it again if the server had refused it (rights or a session may have come back). */
  revive(): void {
    if (this.current === "failed") this.resume();
  }

  dispose(): void {
    this.drop();
    this.disposed = true;
    this.handlers.clear();
    this.watchers.clear();
  }

  private drop(): void {
    this.source?.close();
    this.source = null;
  }

  private set(state: EventStreamState): void {
    if (this.current === state) return;
    this.current = state;
    for (const watcher of [...this.watchers]) watcher();
  }
}
