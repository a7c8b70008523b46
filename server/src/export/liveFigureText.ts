import { formatPercent, sharePercent } from "@karta/domain";
import type { LiveFigureRef } from "@karta/export";
import type { FiguresResponse } from "@karta/schema";

const DASH = "—";

/**
 * A live figure's value as an export prints it, the same text the web app's
 * editor shows (`apps/web/src/sections/liveFigure/figures.ts`): the ШНОР count
 * of the figure's year, the ШНОР share of the territory that year, the A+B
 * share of the latest monitoring; «—» when it cannot be computed or the
 * municipality's figures are not the reader's to see (`figures` null).
 */
export function liveFigureText(ref: LiveFigureRef, figures: FiguresResponse | null): string {
  if (!figures) return DASH;
  const count = figures.shnorByYear[String(ref.year)];
  switch (ref.figure) {
    case "shnorCount":
      return count === undefined ? DASH : String(count);
    case "shnorShare": {
      const percent = count === undefined ? null : sharePercent(count, figures.schools);
      return percent === null ? DASH : formatPercent(percent);
    }
    case "deficitsABShare": {
      const percent = figures.deficitsAB?.percent;
      return typeof percent === "number" ? formatPercent(percent) : DASH;
    }
    default:
      return DASH;
  }
}
