import type { DashboardResponse } from "@karta/schema";
import { dashboardResponse } from "@karta/schema";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiRequestError } from "../api/http.ts";
import type { EventStreamState } from "../api/serverEventStream.ts";
import { type ChangeStream, DASHBOARD_FALLBACK_MS, DashboardFeed } from "./dashboardFeed.ts";
import fixture from "./dashboardFixture.json";

const data = dashboardResponse.parse(fixture);

/** The events stream driven by hand. */
class FakeStream implements ChangeStream {
  state: EventStreamState = "paused";
  disposed = false;
  private readonly changed = new Set<(data: string) => void>();
  private readonly watchers = new Set<() => void>();

  on(_type: "changed", handler: (data: string) => void): () => void {
    this.changed.add(handler);
    return () => this.changed.delete(handler);
  }
  subscribe(watcher: () => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }
  resume(): void {
    if (this.state === "paused" || this.state === "failed") this.become("connecting");
  }
  pause(): void {
    this.become("paused");
  }
  revive(): void {
    if (this.state === "failed") this.resume();
  }
  dispose(): void {
    this.disposed = true;
  }
  become(state: EventStreamState): void {
    this.state = state;
    for (const watcher of [...this.watchers]) watcher();
  }
  emitChanged(): void {
    for (const handler of [...this.changed]) handler("");
  }
}

/** A load whose answers the test gives one at a time. */
function loads() {
  const pending: { resolve: (d: DashboardResponse) => void; reject: (e: unknown) => void }[] = [];
  const load = vi.fn(
    (_signal: AbortSignal) =>
      new Promise<DashboardResponse>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  );
  return { load, pending };
}

const withDone = (done: number): DashboardResponse => ({ ...data, progress: { ...data.progress, done } });
const flush = () => vi.advanceTimersByTimeAsync(0);

describe("DashboardFeed", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("asks once at start, and again on each `changed`, one request at a time", async () => {
    const { load, pending } = loads();
    const stream = new FakeStream();
    const feed = new DashboardFeed(load, stream);
    feed.start();
    expect(stream.state).toBe("connecting");
    expect(load).toHaveBeenCalledTimes(1);
    pending[0]?.resolve(withDone(4));
    await flush();
    expect(feed.getState()).toEqual({ status: "ready", data: withDone(4), stale: false });

    stream.emitChanged();
    stream.emitChanged();
    stream.emitChanged();
    // Three events while one request runs: one more request after it, not three.
    expect(load).toHaveBeenCalledTimes(2);
    pending[1]?.resolve(withDone(5));
    await flush();
    expect(load).toHaveBeenCalledTimes(3);
    pending[2]?.resolve(withDone(6));
    await flush();
    expect(feed.getState()).toMatchObject({ status: "ready", data: { progress: { done: 6 } } });
    expect(load).toHaveBeenCalledTimes(3);
    feed.dispose();
  });

  it("asks every 30 s while the stream is not open, never while it is", async () => {
    const { load, pending } = loads();
    const stream = new FakeStream();
    const feed = new DashboardFeed(load, stream);
    feed.start();
    pending[0]?.resolve(data);
    await flush();
    await vi.advanceTimersByTimeAsync(DASHBOARD_FALLBACK_MS);
    expect(load).toHaveBeenCalledTimes(2);
    pending[1]?.resolve(data);
    await flush();

    stream.become("open"); // opening asks once: what changed before it opened
    expect(load).toHaveBeenCalledTimes(3);
    pending[2]?.resolve(data);
    await flush();
    await vi.advanceTimersByTimeAsync(DASHBOARD_FALLBACK_MS * 3);
    expect(load).toHaveBeenCalledTimes(3);

    stream.become("connecting"); // the connection broke: back to asking
    await vi.advanceTimersByTimeAsync(DASHBOARD_FALLBACK_MS);
    expect(load).toHaveBeenCalledTimes(4);
    feed.dispose();
    expect(stream.disposed).toBe(true);
  });

  it("holds the stream only while visible, asks when shown again and on focus", async () => {
    const { load, pending } = loads();
    const stream = new FakeStream();
    const feed = new DashboardFeed(load, stream);
    feed.start(false);
    expect(stream.state).toBe("paused");
    pending[0]?.resolve(data);
    await flush();
    await vi.advanceTimersByTimeAsync(DASHBOARD_FALLBACK_MS * 2);
    expect(load).toHaveBeenCalledTimes(1); // hidden: no polling

    feed.setVisible(true);
    expect(stream.state).toBe("connecting");
    expect(load).toHaveBeenCalledTimes(2);
    pending[1]?.resolve(data);
    await flush();
    feed.setVisible(false);
    expect(stream.state).toBe("paused");

    stream.become("failed");
    feed.focused();
    expect(stream.state).toBe("connecting"); // revived
    expect(load).toHaveBeenCalledTimes(3);
    feed.dispose();
  });

  it("keeps the figures on a failed refresh, drops them when the right is gone", async () => {
    const { load, pending } = loads();
    const stream = new FakeStream();
    const feed = new DashboardFeed(load, stream);
    feed.start();
    pending[0]?.resolve(data);
    await flush();
    feed.refresh();
    pending[1]?.reject(new ApiRequestError("unreachable", "Нет связи"));
    await flush();
    expect(feed.getState()).toEqual({ status: "ready", data, stale: true });
    feed.refresh();
    pending[2]?.resolve(data);
    await flush();
    expect(feed.getState()).toEqual({ status: "ready", data, stale: false });
    feed.refresh();
    pending[3]?.reject(new ApiRequestError("server", "Нет доступа", "forbidden", 403));
    await flush();
    expect(feed.getState()).toEqual({ status: "error", message: "Нет доступа", httpStatus: 403 });
    feed.dispose();
  });

  it("says nothing after it is disposed", async () => {
    const { load, pending } = loads();
    const stream = new FakeStream();
    const feed = new DashboardFeed(load, stream);
    const seen = vi.fn();
    feed.subscribe(seen);
    feed.start();
    feed.dispose();
    pending[0]?.resolve(data);
    await flush();
    expect(seen).not.toHaveBeenCalled();
    expect(feed.getState()).toEqual({ status: "loading" });
  });
});
