import { describe, expect, it } from "vitest";
import type { OrganisationRecord } from "../storage/DirectoryStore.ts";
import type { DocumentRecord } from "../storage/DocumentStore.ts";
import { documentOfYear, plannedSchoolDocuments, plannedYearlyDocuments } from "./yearlySet.ts";

const municipality: OrganisationRecord = {
  id: "m",
  parentId: null,
  kind: "municipality",
  name: "Район",
  schoolType: null,
  statuses: {},
};
const school = (id: string, statuses: OrganisationRecord["statuses"]): OrganisationRecord => ({
  id,
  parentId: "m",
  kind: "school",
  name: id,
  schoolType: null,
  statuses,
});
const record = (id: string, templateId: string, organisationId: string, year: number, createdAt: string) =>
  ({
    id,
    title: id,
    templateId,
    templateVersion: 1,
    organisationId,
    organisation: organisationId,
    year,
    createdAt,
    updatedAt: createdAt,
    status: "draft",
    order: null,
  }) satisfies DocumentRecord;

describe("the year's set of documents", () => {
  const schools = [school("shnor", { "2023": "shnor" }), school("p500", { "2023": "project500" }), school("none", {})];

  it("the municipality's press includes only the schools in ШНОР or «500+» that year", () => {
    const { planned } = plannedYearlyDocuments(municipality, schools, [], 2023);
    const schoolIds = new Set(planned.filter((p) => p.organisation.kind === "school").map((p) => p.organisation.id));
    expect([...schoolIds]).toEqual(["shnor", "p500"]);
    expect(
      plannedYearlyDocuments(municipality, schools, [], 2024).planned.every((p) => p.organisation.id === "m"),
    ).toBe(true);
  });

  it("a school without status gets its three documents only by its own press", () => {
    const { planned } = plannedSchoolDocuments(schools[2] as OrganisationRecord, [], 2023);
    expect(planned.map((p) => p.template.id)).toEqual(["risk-profile", "development-concept", "development-programme"]);
  });

  it("finds last year's document of a template and organisation, the oldest of two", () => {
    const docs = [
      record("b", "risk-profile", "shnor", 2022, "2022-02-01T00:00:00Z"),
      record("a", "risk-profile", "shnor", 2022, "2022-01-01T00:00:00Z"),
      record("c", "risk-profile", "p500", 2022, "2021-01-01T00:00:00Z"),
      record("d", "risk-profile", "shnor", 2021, "2021-01-01T00:00:00Z"),
    ];
    expect(documentOfYear(docs, "risk-profile", "shnor", 2022)?.id).toBe("a");
    expect(documentOfYear(docs, "development-concept", "shnor", 2022)).toBeUndefined();
  });
});
