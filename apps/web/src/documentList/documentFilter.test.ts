import { describe, expect, it } from "vitest";
import { filterDocuments, NO_FILTER, yearsOf } from "./documentFilter.ts";

const docs = [
  { title: "Антирисковая программа «Низкая мотивация»", status: "approved" as const, year: 2023 },
  { title: "Дорожная карта на 2022 год", status: "draft" as const, year: 2022 },
  { title: "Антирисковая программа «Дефицит кадров»", status: "submitted" as const, year: 2022 },
];

describe("filterDocuments", () => {
  it("keeps everything without a filter", () => {
    expect(filterDocuments(docs, NO_FILTER)).toHaveLength(3);
  });
  it("filters by status, year and words of the title", () => {
    expect(filterDocuments(docs, { ...NO_FILTER, status: "approved" }).map((d) => d.year)).toEqual([2023]);
    expect(filterDocuments(docs, { ...NO_FILTER, year: 2022 })).toHaveLength(2);
    expect(filterDocuments(docs, { ...NO_FILTER, query: "антирисковая  КАДРОВ" }).map((d) => d.status)).toEqual([
      "submitted",
    ]);
    expect(filterDocuments(docs, { status: "draft", year: 2023, query: "" })).toEqual([]);
  });
  it("lists the years newest first", () => {
    expect(yearsOf(docs)).toEqual([2023, 2022]);
  });
});
