import { generateKeyBetween } from "fractional-indexing";

/**
 * Rows are sorted by their fractional order key, ties broken by row id.
 * Ties happen when two people insert at the same place while apart; the
 * tie-break makes every replica show the same order.
 */
export function compareRows(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * An order key that sorts after `before` and before `after` (either may be
 * null for the ends). Neighbours with equal keys (a tie) or keys that are not
 * valid fractional indices (a hostile writer) cannot be split; then the key
 * goes after `before` and before the next strictly greater key in `rest`.
 */
export function keyBetween(before: string | null, after: string | null, rest: readonly string[] = []): string {
  try {
    if (before !== null && after !== null && before >= after) {
      const next = rest.find((k) => k > before) ?? null;
      return generateKeyBetween(before, next);
    }
    return generateKeyBetween(before, after);
  } catch {
    const last = [before, after, ...rest]
      .filter((k): k is string => k !== null)
      .sort()
      .at(-1);
    return safeKeyAfter(last ?? null);
  }
}

function safeKeyAfter(key: string | null): string {
  try {
    return generateKeyBetween(key, null);
  } catch {
    // `key` is not a valid index at all: start a fresh sequence that sorts after it.
    return `${key ?? ""}~${generateKeyBetween(null, null)}`;
  }
}
