import { describe, expect, it } from "vitest";
import { headerDetails } from "./headerDetails.ts";

describe("headerDetails", () => {
  it("leaves the template out when the title already says it", () => {
    expect(
      headerDetails({
        title: "Дорожная карта по методическому сопровождению ШНОР на 2022 год",
        organisation: "Славянский район",
        templateTitle: "Дорожная карта",
        year: 2022,
      }),
    ).toEqual(["Славянский район", "2022 год"]);
  });

  it("names the template when the title does not", () => {
    expect(
      headerDetails({
        title: "Программа школы",
        organisation: "МБОУ СОШ № 5",
        templateTitle: "Программа развития",
        year: 2023,
      }),
    ).toEqual(["МБОУ СОШ № 5", "Программа развития", "2023 год"]);
  });

  it("shows only what is known while the document loads", () => {
    expect(headerDetails({ title: "Программа школы" })).toEqual([]);
    expect(headerDetails({ title: "Программа школы", year: 2024 })).toEqual(["2024 год"]);
  });
});
