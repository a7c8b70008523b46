import type { FiguresResponse } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { figureDisplay, figureMenu, parseFigureAttrs } from "./figures.ts";

const slavyansk: FiguresResponse = {
  schools: 29,
  shnorByYear: { "2020": 8, "2022": 16, "2024": 1 },
  shnorShare: { year: 2024, percent: 3.4 },
  deficitsAB: { year: 2022, percent: 43.75, documentId: "d1" },
};
const ready = { status: "ready", data: slavyansk } as const;
const at = (figure: string, year = 2022) => parseFigureAttrs({ figure, organisationId: "slavyansky-rayon", year });

describe("the figure menu", () => {
  it("offers the three figures of the analytic report, the count for the document's year", () => {
    expect(figureMenu(2022)).toEqual([
      { figure: "shnorCount", label: "Число ШНОР в 2022 году" },
      { figure: "shnorShare", label: "Доля ШНОР в территории" },
      { figure: "deficitsABShare", label: "Доля педагогов с дефицитами уровней A+B" },
    ]);
  });
});

describe("parseFigureAttrs", () => {
  it("reads stored attributes and years pasted as text", () => {
    expect(parseFigureAttrs({ figure: "shnorShare", organisationId: "m", year: 2022 })).toEqual({
      figure: "shnorShare",
      organisationId: "m",
      year: 2022,
    });
    expect(parseFigureAttrs({ figure: "shnorCount", organisationId: "m", year: "2020" })?.year).toBe(2020);
  });

  it("refuses an unknown figure, a missing organisation or a year that is not a whole number", () => {
    expect(parseFigureAttrs({ figure: "salary", organisationId: "m", year: 2022 })).toBeNull();
    expect(parseFigureAttrs({ figure: "shnorCount", organisationId: "", year: 2022 })).toBeNull();
    expect(parseFigureAttrs({ figure: "shnorCount", organisationId: "m", year: 2022.5 })).toBeNull();
    expect(parseFigureAttrs({ figure: "shnorCount", organisationId: "m", year: null })).toBeNull();
  });
});

describe("figureDisplay", () => {
  it("shows the ШНОР count and share of the document's year, and the A+B share, with a decimal comma", () => {
    expect(figureDisplay(at("shnorCount"), ready)).toMatchObject({ text: "16", missing: false });
    expect(figureDisplay(at("shnorCount", 2020), ready).text).toBe("8");
    // 16 of 29 schools (DOMAIN §10): 55,2 %.
    expect(figureDisplay(at("shnorShare"), ready)).toMatchObject({ text: "55,2\u00a0%", missing: false });
    expect(figureDisplay(at("shnorShare"), ready).title).toContain("29 школ");
    expect(figureDisplay(at("deficitsABShare"), ready)).toMatchObject({ text: "43,8\u00a0%", missing: false });
  });

  it("shows «—» and says why when a figure cannot be computed", () => {
    const none = {
      status: "ready",
      data: { schools: 0, shnorByYear: {}, shnorShare: null, deficitsAB: null },
    } as const;
    expect(figureDisplay(at("shnorCount", 2019), ready)).toMatchObject({ text: "—", missing: true });
    expect(figureDisplay(at("shnorCount", 2019), ready).title).toContain("2019");
    expect(figureDisplay(at("deficitsABShare"), none)).toMatchObject({ text: "—", missing: true });
    const noTeachers = {
      status: "ready",
      data: { ...slavyansk, deficitsAB: { year: 2022, percent: null, documentId: "d" } },
    } as const;
    expect(figureDisplay(at("deficitsABShare"), noTeachers).text).toBe("—");
    const noSchools = { status: "ready", data: { ...slavyansk, schools: 0 } } as const;
    expect(figureDisplay(at("shnorShare"), noSchools).text).toBe("—");
    expect(figureDisplay(null, ready)).toMatchObject({ text: "—", missing: true });
  });

  it("keeps the last figures when a refresh fails, and shows «—» when there never were any", () => {
    expect(figureDisplay(at("shnorCount"), { status: "failed", data: slavyansk }).text).toBe("16");
    expect(figureDisplay(at("shnorCount"), { status: "failed", data: null })).toMatchObject({
      text: "—",
      missing: true,
    });
    expect(figureDisplay(at("shnorCount"), { status: "loading" }).missing).toBe(true);
  });
});
