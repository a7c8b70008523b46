import { roundToTenth } from "../format/numbers.ts";

/**
 * A share in percent of `part` in `whole`, rounded to one decimal; null when
 * it cannot be computed (an empty cell, a zero or negative whole), so an
 * empty share never masquerades as 0 %.
 */
export function sharePercent(part: unknown, whole: unknown): number | null {
  if (typeof part !== "number" || typeof whole !== "number" || whole <= 0) return null;
  return roundToTenth((part / whole) * 100);
}
