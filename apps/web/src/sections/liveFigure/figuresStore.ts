import { type FiguresResponse, figuresResponse } from "@karta/schema";
import { apiRequest } from "../../api/http.ts";
import type { FiguresState } from "./figures.ts";

/** How often a page with live figures asks for fresh ones: the data behind them changes as others work. */
export const FIGURES_REFRESH_MS = 10_000;

export function fetchFigures(organisationId: string, signal?: AbortSignal): Promise<FiguresResponse> {
  return apiRequest(`/api/organisations/${encodeURIComponent(organisationId)}/figures`, figuresResponse, { signal });
}

/**
 * The live figures of one municipality for the figures shown on the page: read
 * while someone is subscribed, again every 10 s and when the window regains
 * focus. A failed read keeps the last figures (marked failed) rather than
 * blanking the text.
 */
export class FiguresStore {
  private state: FiguresState = { status: "loading" };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private abort: AbortController | null = null;

  constructor(
    readonly organisationId: string,
    private readonly load: (organisationId: string, signal: AbortSignal) => Promise<FiguresResponse> = fetchFigures,
  ) {}

  getState = (): FiguresState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  };

  /** Asks the server now (a figure was just inserted, the window got focus). */
  refresh = (): void => {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.load(this.organisationId, abort.signal).then(
      (data) => {
        if (!abort.signal.aborted) this.set({ status: "ready", data });
      },
      () => {
        if (abort.signal.aborted) return;
        const data = this.state.status === "loading" ? null : this.state.data;
        this.set({ status: "failed", data });
      },
    );
  };

  private start(): void {
    this.refresh();
    this.timer = setInterval(this.refresh, FIGURES_REFRESH_MS);
    window.addEventListener("focus", this.refresh);
  }

  private stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    window.removeEventListener("focus", this.refresh);
    this.abort?.abort();
    this.abort = null;
  }

  private set(state: FiguresState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/** One store per municipality, shared by every figure of the page. */
export class FiguresStores {
  private readonly stores = new Map<string, FiguresStore>();

  of(organisationId: string): FiguresStore {
    let store = this.stores.get(organisationId);
    if (!store) {
      store = new FiguresStore(organisationId);
      this.stores.set(organisationId, store);
    }
    return store;
  }
}
