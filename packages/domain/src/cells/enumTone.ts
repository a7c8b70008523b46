import { MEASURE_STATUSES } from "@karta/schema";

const STATUS_TONES = ["planned", "active", "done", "failed", "moved"] as const;

/**
 * A colour for an option of an enum column (the `k-pill-<tone>` class): the
 * measure statuses get their own, other lists a neutral one. The grid and the
 * first screen the server describes (GET /api/documents/:id/first-rows) both use it.
 */
export function enumTone(options: readonly string[], value: string): string {
  if (options !== MEASURE_STATUSES) return "neutral";
  return STATUS_TONES[MEASURE_STATUSES.indexOf(value as (typeof MEASURE_STATUSES)[number])] ?? "neutral";
}
