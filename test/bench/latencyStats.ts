/** Figures over the generators' results of one window. */
import type { ResultMessage } from "./protocol.ts";

/**
 * The generator is saturated, so the run says nothing about the server, when
 * its event loop's p99 delay is over this (it adds to every latency measured)
 * or any edit went out late.
 */
const GENERATOR_LOOP_P99_LIMIT_MS = 20;

export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly samples: number;
}

export interface SecondStats {
  readonly second: number;
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface WindowStats {
  readonly latencyMs: Percentiles;
  /** Latency of the edits not sent within −1…+2 s of a second in which a websocket dropped. */
  readonly latencyOutsideDropsMs: Percentiles;
  readonly sent: number;
  readonly expected: number;
  readonly received: number;
  readonly lateSends: number;
  /** null when editing went on after the window (no convergence check). */
  readonly staleCells: number | null;
  readonly refused: number;
  readonly disconnects: number;
  /** Websocket drops by second of the window. */
  readonly disconnectsBySecond: Record<string, number>;
  /** Latency of the edits sent in each second of the window. */
  readonly timeline: readonly SecondStats[];
  readonly generatorLoopDelayP99Ms: number;
  /** Acknowledged pace: edits whose saved message came inside the window, and send → saved. */
  readonly acknowledged: number;
  readonly ackLatencyMs: Percentiles;
}

/** Nearest-rank percentile of a sorted array. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

function percentiles(values: Float64Array): Percentiles {
  const sorted = Float64Array.from(values).sort();
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
    samples: sorted.length,
  };
}

const concat = (arrays: readonly Float64Array[]): Float64Array => {
  const all = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    all.set(a, offset);
    offset += a.length;
  }
  return all;
};

export function windowStats(results: readonly ResultMessage[], seconds: number): WindowStats {
  const sum = (key: "sent" | "expected" | "received" | "lateSends" | "refused" | "acknowledged") =>
    results.reduce((n, r) => n + r[key], 0);
  const disconnectsBySecond: Record<string, number> = {};
  for (const r of results) {
    for (const at of r.disconnects) {
      const second = String(Math.floor(at / 1000));
      disconnectsBySecond[second] = (disconnectsBySecond[second] ?? 0) + 1;
    }
  }
  // The same percentiles without the edits sent from 1 s before to 2 s after
  // a second in which a websocket dropped: what the load costs when no
  // client is reconnecting. Equal to the above when nothing dropped.
  const dropSeconds = Object.keys(disconnectsBySecond).map(Number);
  const calm: number[] = [];
  const buckets: number[][] = Array.from({ length: seconds }, () => []);
  for (const r of results) {
    for (const [i, latency] of r.latencies.entries()) {
      const second = Math.floor((r.sentOffsets[i] as number) / 1000);
      buckets[second]?.push(latency);
      if (!dropSeconds.some((d) => second >= d - 1 && second <= d + 2)) calm.push(latency);
    }
  }
  const stale = results.map((r) => r.staleCells);
  return {
    latencyMs: percentiles(concat(results.map((r) => r.latencies))),
    latencyOutsideDropsMs: percentiles(Float64Array.from(calm)),
    sent: sum("sent"),
    expected: sum("expected"),
    received: sum("received"),
    lateSends: sum("lateSends"),
    staleCells: stale.includes(null) ? null : stale.reduce((n: number, s) => n + (s ?? 0), 0),
    refused: sum("refused"),
    disconnects: results.reduce((n, r) => n + r.disconnects.length, 0),
    disconnectsBySecond,
    timeline: buckets.map((bucket, second) => {
      const p = percentiles(Float64Array.from(bucket));
      return { second, samples: p.samples, p50: p.p50, p99: p.p99, max: p.max };
    }),
    generatorLoopDelayP99Ms: Math.max(...results.map((r) => r.loopDelay.p99)),
    acknowledged: sum("acknowledged"),
    ackLatencyMs: percentiles(concat(results.map((r) => r.ackLatencies))),
  };
}

/** Why the generator, not the server, may have set the figures; null if it kept up. */
export function generatorSaturation(stats: WindowStats): string | null {
  const reasons: string[] = [];
  if (stats.generatorLoopDelayP99Ms > GENERATOR_LOOP_P99_LIMIT_MS) {
    reasons.push(
      `its event loop delay p99 was ${stats.generatorLoopDelayP99Ms.toFixed(1)} ms (limit ${GENERATOR_LOOP_P99_LIMIT_MS} ms)`,
    );
  }
  if (stats.lateSends > 0) reasons.push(`${stats.lateSends} edits went out more than 250 ms late`);
  return reasons.length ? reasons.join("; ") : null;
}

/** The warning printed for a saturated generator. */
export const saturationWarning = (label: string, reason: string) =>
  `!!! ${label}: INVALID RUN, the load generator was saturated (${reason}): ` +
  "these figures measure the generator, not the server. Use more --generators or a lighter load.";
