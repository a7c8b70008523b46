import type { PlainRow } from "./computed.ts";
import { sharePercent } from "./shares.ts";

/**
 * The share of teachers with deficits of levels A+B over all subjects of a
 * monitoring table (seed 004): summed counts, not averaged shares.
 */
export function deficitsABShare(rows: readonly PlainRow[]): number | null {
  let ab = 0;
  let teachers = 0;
  for (const row of rows) {
    const { a, b, teachers: n } = row.cells;
    if (typeof a !== "number" || typeof b !== "number" || typeof n !== "number") continue;
    ab += a + b;
    teachers += n;
  }
  return sharePercent(ab, teachers);
}
