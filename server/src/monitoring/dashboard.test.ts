import { describe, expect, it } from "vitest";
import type { DocumentRecord } from "../storage/DocumentStore.ts";
import { buildDashboard, type DashboardInput } from "./dashboard.ts";
import { type DocumentFacts, FACTS_VERSION } from "./documentFacts.ts";

const record = (id: string, templateId: string, organisationId: string, title = id): DocumentRecord => ({
  id,
  title,
  templateId,
  templateVersion: 1,
  organisationId,
  organisation: organisationId === "slav" ? "Славянский район" : `Школа ${organisationId}`,
  year: 2022,
  createdAt: "2022-01-01T00:00:00Z",
  updatedAt: "2022-01-01T00:00:00Z",
  status: "draft",
  order: null,
});

const facts = (partial: Partial<DocumentFacts>): DocumentFacts => ({
  version: FACTS_VERSION,
  measures: [],
  riskFactors: null,
  deficits: null,
  ...partial,
});

const measure = (rowId: string, number: number, status: string | null, deadline: string | null) => ({
  table: "measures",
  rowId,
  number,
  measure: `Мероприятие ${number}`,
  period: "…",
  status,
  deadline,
});

const input = (over: Partial<DashboardInput> = {}): DashboardInput => ({
  municipality: { id: "slav", name: "Славянский район" },
  year: 2022,
  asOf: "2022-06-15",
  schools: [
    { id: "s5", name: "МБОУ СОШ № 5", statuses: { "2022": "shnor" } },
    { id: "s7", name: "МБОУ ООШ № 7", statuses: { "2021": "shnor", "2022": "left" } },
    { id: "s9", name: "МБОУ СОШ № 9", statuses: {} },
  ],
  documents: [
    record("p5", "anti-risk-programme", "s5"),
    record("r5", "risk-profile", "s5"),
    record("road", "municipal-roadmap", "slav"),
    record("def", "teacher-deficits", "slav"),
  ],
  facts: new Map([
    ["p5", facts({ measures: [measure("a", 1, "выполнено", "2022-01-31"), measure("b", 2, null, "2022-03-31")] })],
    ["r5", facts({ riskFactors: ["Низкая учебная мотивация обучающихся", "Свой фактор школы"] })],
    ["road", facts({ measures: [measure("c", 1, "в работе", "2022-12-31"), measure("d", 2, null, "2022-02-01")] })],
    ["def", facts({ deficits: { teachers: 10, a: 1, b: 2, c: 3, d: 4 } })],
  ]),
  openComments: (docId) => (docId === "p5" ? 2 : 0),
  ...over,
});

describe("buildDashboard", () => {
  it("lists the schools with a status that year or a document, each with its documents' progress", () => {
    const dashboard = buildDashboard(input());
    expect(dashboard.schools.map((s) => [s.id, s.status])).toEqual([
      ["s7", "left"],
      ["s5", "shnor"],
    ]);
    const s5 = dashboard.schools.find((s) => s.id === "s5");
    // The risk profile first: documents follow the templates' order.
    expect(s5?.documents.map((d) => [d.id, d.progress?.total ?? null, d.openComments])).toEqual([
      ["r5", null, 0],
      ["p5", 2, 2],
    ]);
    expect(s5?.progress).toEqual({ done: 1, inProgress: 0, overdue: 1, planned: 0, total: 2 });
    expect(dashboard.progress).toEqual(s5?.progress);
    expect(dashboard.municipality.progress).toEqual({ done: 0, inProgress: 1, overdue: 1, planned: 0, total: 2 });
  });

  it("lists overdue measures oldest deadline first, with the cell to open", () => {
    expect(
      buildDashboard(input()).overdue.map((m) => [m.documentId, m.rowId, m.column, m.rowNumber, m.deadline]),
    ).toEqual([
      ["road", "d", "period", 2, "2022-02-01"],
      ["p5", "b", "period", 2, "2022-03-31"],
    ]);
    expect(buildDashboard(input({ asOf: "2022-01-01" })).overdue).toEqual([]);
  });

  it("counts the factors chosen (the ten standard ones first), the deficits and ШНОР by year", () => {
    const dashboard = buildDashboard(input());
    expect(dashboard.riskFactors).toHaveLength(11);
    expect(dashboard.riskFactors.find((f) => f.factor === "Низкая учебная мотивация обучающихся")?.schools).toEqual([
      { id: "s5", name: "МБОУ СОШ № 5" },
    ]);
    expect(dashboard.riskFactors.at(-1)?.factor).toBe("Свой фактор школы");
    expect(dashboard.deficits).toEqual({ documentId: "def", teachers: 10, a: 1, b: 2, c: 3, d: 4 });
    expect(dashboard.shnorByYear).toEqual([
      { year: 2021, shnor: 1, project500: 0, postProject: 0, left: 0 },
      { year: 2022, shnor: 1, project500: 0, postProject: 0, left: 1 },
    ]);
  });
});
