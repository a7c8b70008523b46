import { readLiveFigure } from "@karta/domain";
import type { LiveFigureRef } from "@karta/export";
import type { FiguresResponse } from "@karta/schema";

const DASH = "—";

/**
 * A live figure's value as an export prints it: `readLiveFigure`, the reading the
 * web app's editor shows too; «—» when it cannot be computed or the
 * municipality's figures are not the reader's to see (`figures` null).
 */
export function liveFigureText(ref: LiveFigureRef, figures: FiguresResponse | null): string {
  if (!figures) return DASH;
  const reading = readLiveFigure(ref.figure, ref.year, figures);
  return reading.kind === "value" ? reading.text : DASH;
}
