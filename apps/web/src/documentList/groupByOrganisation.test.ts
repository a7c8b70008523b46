import type { DocumentSummary } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { groupByOrganisation } from "./groupByOrganisation.ts";

function doc(id: string, organisation: string, title: string, year = 2024, template = "anti-risk-programme") {
  const summary: DocumentSummary = {
    id: `${id}-0000000`,
    title,
    template,
    templateVersion: 1,
    organisationId: organisation,
    organisation,
    year,
    createdAt: "2024-01-01T00:00:00Z",
    updatedAt: "2024-01-01T00:00:00Z",
    access: "edit",
    status: "draft",
    order: null,
    history: [],
  };
  return summary;
}

describe("groupByOrganisation", () => {
  it("groups by organisation and sorts school numbers as numbers", () => {
    const groups = groupByOrganisation([
      doc("a", "МБОУ СОШ № 10", "x"),
      doc("b", "МБОУ СОШ № 2", "y"),
      doc("c", "МБОУ СОШ № 10", "z"),
    ]);
    expect(groups.map((g) => g.organisation)).toEqual(["МБОУ СОШ № 2", "МБОУ СОШ № 10"]);
    expect(groups[1]?.documents.map((d) => d.title)).toEqual(["x", "z"]);
  });

  it("puts the newest year first inside a group", () => {
    const [group] = groupByOrganisation([doc("a", "Org", "old", 2022), doc("b", "Org", "new", 2025)]);
    expect(group?.documents.map((d) => d.title)).toEqual(["new", "old"]);
  });

  it("puts municipalities before schools", () => {
    const groups = groupByOrganisation([
      doc("a", "МБОУ СОШ № 1", "programme"),
      doc("b", "Славянский район", "roadmap", 2022, "municipal-roadmap"),
    ]);
    expect(groups.map((g) => g.organisation)).toEqual(["Славянский район", "МБОУ СОШ № 1"]);
  });
});
