import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";

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

/**
 * `n` order keys, in order, between `before` and `after` (as `keyBetween`).
 * They are spread over the gap by halving (fractional-indexing's
 * `generateNKeysBetween`), so 10,000 rows pasted or imported at one place get
 * keys of a few characters, where n calls of `keyBetween`, each splitting the
 * last gap again, would grow the keys by a character every few rows (past
 * MAX_ORDER_KEY_LENGTH, which the server refuses, after ~1,200 rows).
 */
export function keysBetween(
  before: string | null,
  after: string | null,
  n: number,
  rest: readonly string[] = [],
): string[] {
  if (n <= 0) return [];
  const upper = before !== null && after !== null && before >= after ? (rest.find((k) => k > before) ?? null) : after;
  try {
    return generateNKeysBetween(before, upper, n);
  } catch {
    // Keys that are not valid fractional indices (a hostile writer): after the greatest of them.
    const keys = [keyBetween(before, after, rest)];
    while (keys.length < n) keys.push(safeKeyAfter(keys[keys.length - 1] ?? null));
    return keys;
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
