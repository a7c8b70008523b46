/**
 * Russian number formats (DOMAIN "Values that need care"): a decimal comma,
 * one decimal for shares: 55,2 %.
 */

/** Rounds half away from zero to one decimal, as people round shares by hand. */
export function roundToTenth(value: number): number {
  // Scale by 10 with a tiny nudge so 43.75 (stored as 43.74999…) rounds up, like on paper.
  return (Math.sign(value) * Math.round(Math.abs(value) * 10 + 1e-9)) / 10;
}

/** "18,8": one decimal, decimal comma, no unit. */
export function formatTenth(value: number): string {
  return roundToTenth(value).toFixed(1).replace(".", ",");
}

/** "55,2 %" with a no-break space before the sign, as Russian typography wants. */
export function formatPercent(value: number): string {
  return `${formatTenth(value)}\u00a0%`;
}
