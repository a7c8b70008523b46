import { LIVE_FIGURES, type LiveFigureKind } from "@karta/doc";
import { type MissingFigure, readLiveFigure } from "@karta/domain";
import type { FiguresResponse } from "@karta/schema";
import { messages } from "../../messages.ts";

/** What a live figure points at: which figure, of which municipality, for which year. */
export interface LiveFigureAttrs {
  readonly figure: LiveFigureKind;
  readonly organisationId: string;
  readonly year: number;
}

/** The server's figures of one municipality, as the page has them now. */
export type FiguresState =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly data: FiguresResponse }
  | { readonly status: "failed"; readonly data: FiguresResponse | null };

/** How a figure shows in the text: its value (or «—») and a tooltip that says what it is or why it is missing. */
export interface FigureDisplay {
  readonly text: string;
  readonly title: string;
  readonly missing: boolean;
}

const DASH = "—";

/** The entries of «Вставить показатель» for a document of this year. */
export function figureMenu(year: number): readonly { readonly figure: LiveFigureKind; readonly label: string }[] {
  return LIVE_FIGURES.map((figure) => ({ figure, label: figureLabel(figure, year) }));
}

export function figureLabel(figure: LiveFigureKind, year: number): string {
  if (figure === "shnorCount") return messages.figures.shnorCount(year);
  return messages.figures[figure];
}

/**
 * Reads a live figure's attributes from stored or pasted values; null when
 * they do not name a known figure, a municipality and a year.
 */
export function parseFigureAttrs(raw: {
  readonly figure?: unknown;
  readonly organisationId?: unknown;
  readonly year?: unknown;
}): LiveFigureAttrs | null {
  const figure = LIVE_FIGURES.find((f) => f === raw.figure);
  const year = typeof raw.year === "string" ? Number(raw.year) : raw.year;
  const { organisationId } = raw;
  if (!figure || typeof organisationId !== "string" || organisationId.length === 0) return null;
  if (typeof year !== "number" || !Number.isInteger(year)) return null;
  return { figure, organisationId, year };
}

/** The value of a figure in the server's answer, formatted the Russian way (55,2 %), or why there is none. */
export function figureDisplay(attrs: LiveFigureAttrs | null, state: FiguresState): FigureDisplay {
  if (!attrs) return { text: DASH, title: messages.figures.unknown, missing: true };
  if (state.status === "loading") return { text: "…", title: messages.figures.loading, missing: true };
  const data = state.data;
  if (!data) return { text: DASH, title: messages.figures.unavailable, missing: true };
  const { figure, year } = attrs;
  const reading = readLiveFigure(figure, year, data);
  if (reading.kind === "missing") return missing(missingTitle(reading.reason, year));
  const title =
    figure === "shnorCount"
      ? messages.figures.shnorCountTitle(year)
      : figure === "shnorShare"
        ? messages.figures.shnorShareTitle(year, data.schools)
        : messages.figures.deficitsTitle(data.deficitsAB?.year ?? year);
  return { text: reading.text, title, missing: false };
}

function missingTitle(reason: MissingFigure, year: number): string {
  switch (reason) {
    case "noShnorData":
      return messages.figures.noShnorData(year);
    case "noSchools":
      return messages.figures.noSchools;
    case "noDeficits":
      return messages.figures.noDeficits;
    case "noTeachers":
      return messages.figures.noTeachers;
    case "unknownFigure":
      return messages.figures.unknown;
  }
}

function missing(title: string): FigureDisplay {
  return { text: DASH, title, missing: true };
}
