import type { FiguresResponse } from "@karta/schema";
import { formatPercent } from "../format/numbers.ts";
import { sharePercent } from "../table/shares.ts";

/** Why a live figure has no value: each reader words it (the editor's tooltip, «—» in an export). */
export type MissingFigure = "unknownFigure" | "noShnorData" | "noSchools" | "noDeficits" | "noTeachers";

export type LiveFigureReading =
  | { readonly kind: "value"; readonly text: string }
  | { readonly kind: "missing"; readonly reason: MissingFigure };

/**
 * A live figure of an analytic report read from a municipality's figures
 * (GET /api/organisations/:id/figures), formatted the Russian way: the ШНОР
 * count of the figure's year, the ШНОР share of the territory that year, the
 * A+B share of the latest teacher-deficits monitoring. The one reading shared
 * by the editor and the exports, so a printed report says what the screen said.
 */
export function readLiveFigure(figure: string, year: number, figures: FiguresResponse): LiveFigureReading {
  const count = figures.shnorByYear[String(year)];
  switch (figure) {
    case "shnorCount":
      return count === undefined ? missing("noShnorData") : { kind: "value", text: String(count) };
    case "shnorShare": {
      if (count === undefined) return missing("noShnorData");
      const percent = sharePercent(count, figures.schools);
      return percent === null ? missing("noSchools") : { kind: "value", text: formatPercent(percent) };
    }
    case "deficitsABShare": {
      const deficits = figures.deficitsAB;
      if (!deficits) return missing("noDeficits");
      return deficits.percent === null
        ? missing("noTeachers")
        : { kind: "value", text: formatPercent(deficits.percent) };
    }
    default:
      return missing("unknownFigure");
  }
}

const missing = (reason: MissingFigure): LiveFigureReading => ({ kind: "missing", reason });
