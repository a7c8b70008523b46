import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Heartbeat, type PingedSocket } from "./Heartbeat.ts";

/** A socket that counts pings and answers them only while `answering`. */
class FakeSocket implements PingedSocket {
  pings = 0;
  terminated = false;
  answering = true;
  private readonly listeners = new Map<string, (() => void)[]>();

  ping(): void {
    this.pings++;
    if (this.answering) queueMicrotask(() => this.emit("pong"));
  }

  terminate(): void {
    this.terminated = true;
    this.emit("close");
  }

  on(event: "pong" | "close", listener: () => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  emit(event: string): void {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }
}

describe("Heartbeat", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("pings every socket once per interval, a slice per second, not all at once", async () => {
    const heartbeat = new Heartbeat(30_000);
    const sockets = Array.from({ length: 300 }, () => new FakeSocket());
    for (const socket of sockets) heartbeat.add(socket);
    const pingedPerTick: number[] = [];
    let before = 0;
    for (let tick = 0; tick < 30; tick++) {
      await vi.advanceTimersByTimeAsync(1000);
      const now = sockets.reduce((sum, s) => sum + s.pings, 0);
      pingedPerTick.push(now - before);
      before = now;
    }
    expect(pingedPerTick).toEqual(Array.from({ length: 30 }, () => 10));
    expect(sockets.every((s) => s.pings === 1)).toBe(true);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sockets.every((s) => s.pings === 2 && !s.terminated)).toBe(true);
    heartbeat.stop();
  });

  it("terminates a socket whose pong did not come within an interval, and only that one", async () => {
    const heartbeat = new Heartbeat(30_000);
    const asleep = new FakeSocket();
    const awake = new FakeSocket();
    heartbeat.add(asleep);
    heartbeat.add(awake);
    asleep.answering = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(asleep.pings).toBe(1);
    expect(asleep.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(asleep.terminated).toBe(true);
    expect(awake.terminated).toBe(false);
    // Gone from its slice: never pinged again.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asleep.pings).toBe(1);
    expect(awake.pings).toBe(4);
    heartbeat.stop();
  });

  it("forgets a socket that closed, and runs the interval's other work once per interval", async () => {
    const expired = vi.fn();
    const heartbeat = new Heartbeat(30_000, expired);
    const socket = new FakeSocket();
    heartbeat.add(socket);
    socket.emit("close");
    await vi.advanceTimersByTimeAsync(90_000);
    expect(socket.pings).toBe(0);
    expect(expired).toHaveBeenCalledTimes(3);
    heartbeat.stop();
  });

  it("sweeps everything at once when the interval is shorter than a slice (tests' short intervals)", async () => {
    const heartbeat = new Heartbeat(200);
    const sockets = Array.from({ length: 5 }, () => new FakeSocket());
    for (const socket of sockets) heartbeat.add(socket);
    await vi.advanceTimersByTimeAsync(200);
    expect(sockets.map((s) => s.pings)).toEqual([1, 1, 1, 1, 1]);
    heartbeat.stop();
  });
});
