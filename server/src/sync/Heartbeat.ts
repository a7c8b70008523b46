/** What the heartbeat needs of a socket (ws' WebSocket). */
export interface PingedSocket {
  ping(): void;
  terminate(): void;
  on(event: "pong" | "close", listener: () => void): unknown;
}

/** A slice's turn comes about once a second: the sweep of a busy server is spread over the interval. */
const SLICE_MS = 1000;

/**
 * Drops sockets that stopped answering (a laptop gone to sleep never sends a
 * close): every socket is pinged once per interval and terminated if its pong
 * to the previous ping has not come. The sockets are dealt into slices as they
 * connect, and one slice is swept per tick: pinging 5,000 sockets at once
 * blocks the event loop for a few hundred milliseconds (a write each), which
 * every edit in flight would wait for.
 */
export class Heartbeat {
  private readonly slices: Set<PingedSocket>[];
  private readonly answered = new WeakSet<PingedSocket>();
  private dealt = 0;
  private turn = 0;
  private readonly timer: NodeJS.Timeout;

  /** `everyInterval`: work to do once per interval besides (sessions that expired, say). */
  constructor(intervalMs: number, everyInterval: () => void = () => {}) {
    const count = Math.max(1, Math.min(60, Math.round(intervalMs / SLICE_MS)));
    this.slices = Array.from({ length: count }, () => new Set<PingedSocket>());
    this.timer = setInterval(() => {
      this.sweep(this.slices[this.turn] as Set<PingedSocket>);
      this.turn = (this.turn + 1) % count;
      if (this.turn === 0) everyInterval();
    }, intervalMs / count);
    this.timer.unref();
  }

  /** Watches a socket from now on; it counts as answering until its first ping. */
  add(socket: PingedSocket): void {
    const slice = this.slices[this.dealt++ % this.slices.length] as Set<PingedSocket>;
    slice.add(socket);
    this.answered.add(socket);
    socket.on("pong", () => this.answered.add(socket));
    socket.on("close", () => slice.delete(socket));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sweep(slice: Set<PingedSocket>): void {
    for (const socket of slice) {
      if (!this.answered.has(socket)) {
        slice.delete(socket);
        socket.terminate();
      } else {
        this.answered.delete(socket);
        socket.ping();
      }
    }
  }
}
