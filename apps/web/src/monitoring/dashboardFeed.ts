import type { DashboardResponse } from "@karta/schema";
import { ApiRequestError, failureMessage } from "../api/http.ts";
import type { EventStreamState } from "../api/serverEventStream.ts";

/**
 * «Мониторинг» kept current, outside React: the dashboard asked once, then
 * again whenever the server says `changed` on its events stream, every
 * `fallbackMs` while that stream is not open, when the stream (re)opens
 * (what changed while it was closed was not said), on window focus and when
 * the page becomes visible. One request at a time: a reason to ask that comes
 * while one is running asks once more after it. A failed refresh keeps the
 * figures shown (`stale`); a 403 or 404 replaces them (the right to see them
 * is gone).
 */

export type DashboardState =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly data: DashboardResponse; readonly stale: boolean }
  | { readonly status: "error"; readonly message: string; readonly httpStatus: number | null };

/** What the feed needs of the events stream (ServerEventStream<"changed">, a fake in the tests). */
export interface ChangeStream {
  readonly state: EventStreamState;
  on(type: "changed", handler: (data: string) => void): () => void;
  subscribe(watcher: () => void): () => void;
  resume(): void;
  pause(): void;
  revive(): void;
  dispose(): void;
}

/** How often the dashboard is asked while its events stream is not open. */
export const DASHBOARD_FALLBACK_MS = 30_000;

export class DashboardFeed {
  private current: DashboardState = { status: "loading" };
  private readonly watchers = new Set<() => void>();
  private running: AbortController | null = null;
  private askAgain = false;
  private visible = true;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly stops: (() => void)[] = [];
  private streamState: EventStreamState;
  private disposed = false;

  constructor(
    private readonly load: (signal: AbortSignal) => Promise<DashboardResponse>,
    private readonly stream: ChangeStream,
    private readonly fallbackMs: number = DASHBOARD_FALLBACK_MS,
  ) {
    this.streamState = stream.state;
  }

  getState = (): DashboardState => this.current;

  subscribe = (watcher: () => void): (() => void) => {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  };

  /** Asks for the dashboard and opens the events stream (the page is visible when it starts). */
  start(visible = true): void {
    this.stops.push(this.stream.on("changed", () => this.refresh()));
    this.stops.push(this.stream.subscribe(() => this.followStream()));
    this.visible = visible;
    if (visible) this.stream.resume();
    this.timer = setInterval(() => {
      if (this.visible && this.stream.state !== "open") this.refresh();
    }, this.fallbackMs);
    this.refresh();
  }

  /** The page was hidden or shown: the stream is held only while it is visible; shown again, it asks at once. */
  setVisible(visible: boolean): void {
    if (this.disposed || visible === this.visible) return;
    this.visible = visible;
    if (visible) {
      this.stream.resume();
      this.refresh();
    } else this.stream.pause();
  }

  /** The window got the focus: ask, and open the stream again if the server had refused it. */
  focused(): void {
    if (this.disposed) return;
    this.stream.revive();
    this.refresh();
  }

  /** Asks the server now (or once more after the request that is running). */
  refresh(): void {
    if (this.disposed) return;
    if (this.running) {
      this.askAgain = true;
      return;
    }
    const abort = new AbortController();
    this.running = abort;
    this.load(abort.signal).then(
      (data) => this.finish(abort, { status: "ready", data, stale: false }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        this.finish(abort, this.afterFailure(error));
      },
    );
  }

  dispose(): void {
    this.disposed = true;
    this.running?.abort();
    this.running = null;
    if (this.timer !== null) clearInterval(this.timer);
    for (const stop of this.stops.splice(0)) stop();
    this.stream.dispose();
    this.watchers.clear();
  }

  private afterFailure(error: unknown): DashboardState {
    const httpStatus = error instanceof ApiRequestError ? (error.status ?? null) : null;
    const lost = httpStatus === 403 || httpStatus === 404;
    if (this.current.status === "ready" && !lost) return { ...this.current, stale: true };
    return { status: "error", message: failureMessage(error), httpStatus };
  }

  private finish(abort: AbortController, next: DashboardState): void {
    if (this.running !== abort || this.disposed) return;
    this.running = null;
    this.set(next);
    if (this.askAgain) {
      this.askAgain = false;
      this.refresh();
    }
  }

  /** Each time the stream opens (again), what changed while it was not open is asked for. */
  private followStream(): void {
    const previous = this.streamState;
    this.streamState = this.stream.state;
    if (this.streamState === "open" && previous !== "open") this.refresh();
  }

  private set(next: DashboardState): void {
    this.current = next;
    for (const watcher of [...this.watchers]) watcher();
  }
}
