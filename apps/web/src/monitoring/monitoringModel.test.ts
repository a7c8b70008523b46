import { dashboardResponse } from "@karta/schema";
import { describe, expect, it } from "vitest";
import fixture from "./dashboardFixture.json";
import {
  captionOf,
  deficitsView,
  formatDate,
  formatNumber,
  formatShare,
  knownFactor,
  matrixRows,
  municipalDocumentRows,
  overdueOrganisations,
  overdueRows,
  riskFactorBars,
  schoolProgressRows,
  shnorRows,
  shownName,
  totalFigures,
} from "./monitoringModel.ts";
import { type MonitoringQuery, parseMonitoringQuery } from "./monitoringQuery.ts";

/** The fixture is checked against the contract, so the tests read what the server may send. */
const data = dashboardResponse.parse(fixture);
const query: MonitoringQuery = { organisation: "slavyansky-rayon", year: 2022, school: null, factor: null };
const NBSP = "\u00a0";

describe("numbers and dates in Russian format", () => {
  it("groups thousands with a no-break space and writes a decimal comma", () => {
    expect(formatNumber(1234)).toBe(`1${NBSP}234`);
    expect(formatNumber(0)).toBe("0");
    expect(formatShare(16, 29)).toBe(`55,2${NBSP}%`);
    expect(formatShare(1, 4)).toBe(`25${NBSP}%`);
    expect(formatShare(0, 0)).toBe("—");
  });

  it("keeps «№» with its number", () => {
    expect(shownName("МБОУ СОШ № 5")).toBe(`МБОУ СОШ №${NBSP}5`);
    expect(shownName("МАОУ лицей пгт Афипского")).toBe("МАОУ лицей пгт Афипского");
  });

  it("writes a date as ДД.ММ.ГГГГ", () => {
    expect(formatDate("2022-01-31")).toBe("31.01.2022");
  });
});

describe("the totals", () => {
  it("are the four figures in order, each with its share and link", () => {
    const figures = totalFigures(data, { ...query, school: "slav-sosh-5" });
    expect(figures.map((f) => [f.key, f.label, f.text, f.share])).toEqual([
      ["done", "выполнено", "4", `33,3${NBSP}%`],
      ["inProgress", "в работе", "1", `8,3${NBSP}%`],
      ["overdue", "просрочено", "3", `25${NBSP}%`],
      ["planned", "запланировано", "4", `33,3${NBSP}%`],
    ]);
    // Overdue opens the whole overdue list (the school filter let go), the others the per-school progress.
    expect(figures[2]?.href).toBe("/monitoring?organisation=slavyansky-rayon&year=2022#overdue");
    expect(figures[0]?.href).toBe("/monitoring?organisation=slavyansky-rayon&year=2022#progress");
  });
});

describe("the matrix", () => {
  it("puts each school's documents under their template, several in one cell, none as an empty cell", () => {
    const rows = matrixRows(data, null);
    expect(rows.map((r) => [r.name, r.statusLabel])).toEqual([
      ["МБОУ СОШ № 5", "ШНОР"],
      ["МБОУ ООШ № 7", "проект «500+»"],
      ["МБОУ СОШ № 39", null],
    ]);
    const school5 = rows[0];
    expect(school5?.anchor).toBe("school-slav-sosh-5");
    expect(school5?.cells.map((c) => c.chips.map((chip) => chip.statusLabel))).toEqual([
      ["Согласовано"],
      [],
      ["На доработке", "Черновик"],
    ]);
    const programme = school5?.cells[2]?.chips[0];
    expect(programme).toMatchObject({
      href: "/d/prog5motivation",
      caption: "Низкая учебная мотивация обучающихся",
      openComments: 2,
      openCommentsLabel: "2 открытых обсуждения",
    });
    expect(school5?.cells[0]?.chips[0]?.openCommentsLabel).toBeNull();
    expect(rows[2]?.cells.every((c) => c.chips.length === 0)).toBe(true);
  });

  it("says approved without an order's number (the dashboard does not send it)", () => {
    expect(matrixRows(data, null)[1]?.cells[2]?.chips[0]?.statusLabel).toBe("Утверждено");
  });

  it("shows only the schools that chose a factor, and ignores a factor it does not know", () => {
    const factor = knownFactor(data, "Низкий уровень вовлеченности родителей");
    expect(matrixRows(data, factor).map((r) => r.name)).toEqual(["МБОУ СОШ № 5"]);
    expect(knownFactor(data, "Нет такого фактора")).toBeNull();
    expect(knownFactor(data, null)).toBeNull();
  });

  it("takes a caption only from a title that quotes one", () => {
    expect(captionOf("Антирисковая программа «Низкая учебная мотивация обучающихся»")).toBe(
      "Низкая учебная мотивация обучающихся",
    );
    expect(captionOf("Концепция программы развития на 2022 год")).toBeNull();
    expect(captionOf("«»")).toBeNull();
  });
});

describe("progress per school", () => {
  it("links overdue to the overdue list of the school, the rest to the school's documents", () => {
    const rows = schoolProgressRows(data, { ...query, factor: "Низкая учебная мотивация обучающихся" });
    const school5 = rows[0];
    expect(school5?.figures.map((f) => f.text)).toEqual(["1", "1", "2", "4"]);
    expect(school5?.totalText).toBe("8");
    const byKey = Object.fromEntries(school5?.figures.map((f) => [f.key, f.href]) ?? []);
    expect(byKey.overdue).toBe(
      "/monitoring?organisation=slavyansky-rayon&year=2022&school=slav-sosh-5&factor=%D0%9D%D0%B8%D0%B7%D0%BA%D0%B0%D1%8F+%D1%83%D1%87%D0%B5%D0%B1%D0%BD%D0%B0%D1%8F+%D0%BC%D0%BE%D1%82%D0%B8%D0%B2%D0%B0%D1%86%D0%B8%D1%8F+%D0%BE%D0%B1%D1%83%D1%87%D0%B0%D1%8E%D1%89%D0%B8%D1%85%D1%81%D1%8F#overdue",
    );
    // The school's row of the matrix, with the factor filter let go so that the row is there.
    expect(byKey.done).toBe("/monitoring?organisation=slavyansky-rayon&year=2022#school-slav-sosh-5");
    const overdueLink = parseMonitoringQuery(byKey.overdue?.split("#")[0]?.split("?")[1] ?? "");
    expect(overdueLink.school).toBe("slav-sosh-5");
    expect(rows[2]?.total).toBe(0);
  });
});

describe("the municipality's documents", () => {
  it("have their status and, without measures, no figures", () => {
    const [roadmap] = municipalDocumentRows(data);
    expect(roadmap?.chip.statusLabel).toBe("Утверждено");
    expect(roadmap?.chip.openCommentsLabel).toBe("1 открытое обсуждение");
    expect(roadmap?.figures).toBeNull();
  });
});

describe("risk factors", () => {
  it("count the schools that chose each factor and lead to the matrix of those schools", () => {
    const bars = riskFactorBars(data, query);
    expect(bars.map((b) => [b.factor, b.count])).toEqual([
      ["Низкий уровень оснащения школы", 0],
      ["Низкая учебная мотивация обучающихся", 2],
      ["Низкий уровень вовлеченности родителей", 1],
    ]);
    const link = bars[1]?.href ?? "";
    expect(link.endsWith("#matrix")).toBe(true);
    expect(parseMonitoringQuery(link.split("#")[0]?.split("?")[1] ?? "")).toEqual({
      ...query,
      factor: "Низкая учебная мотивация обучающихся",
    });
  });
});

describe("teacher deficits", () => {
  it("give each level's count and share of the teachers, all leading to the document", () => {
    const view = deficitsView(data);
    expect(view?.href).toBe("/d/deficitsslav22");
    expect(view?.teachersText).toBe(`1${NBSP}234`);
    expect(view?.levels.map((l) => [l.short, l.text, l.share])).toEqual([
      ["А", "300", `24,3${NBSP}%`],
      ["В", "400", `32,4${NBSP}%`],
      ["С", "334", `27,1${NBSP}%`],
      ["D", "200", `16,2${NBSP}%`],
    ]);
    expect(deficitsView({ ...data, deficits: null })).toBeNull();
  });
});

describe("ШНОР by year", () => {
  it("is oldest first", () => {
    expect(shnorRows(data).map((r) => [r.year, r.counts.shnor, r.texts.left])).toEqual([
      [2022, 10, "0"],
      [2023, 8, "2"],
    ]);
  });
});

describe("the overdue list", () => {
  it("links each measure to its «Сроки» cell and writes the deadline as ДД.ММ.ГГГГ", () => {
    const rows = overdueRows(data, null);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      organisation: "МБОУ СОШ № 5",
      rowNumber: 1,
      measure: "Анкетирование обучающихся 5–9 классов",
      period: "Январь 2022 г.",
      deadline: "31.01.2022",
      href: "/d/prog5motivation?table=measures&row=row-1&column=period",
    });
    expect(rows[1]?.href).toBe("/d/prog7motivation?table=measures&row=row+4%2Fx&column=period");
  });

  it("keeps the server's order and filters to one organisation", () => {
    expect(overdueRows(data, "slav-sosh-5").map((r) => r.rowNumber)).toEqual([1, 4]);
    expect(overdueRows(data, "slav-sosh-39")).toEqual([]);
    expect(overdueOrganisations(data)).toEqual([
      { id: "slav-oosh-7", name: "МБОУ ООШ № 7" },
      { id: "slav-sosh-5", name: "МБОУ СОШ № 5" },
    ]);
  });
});
