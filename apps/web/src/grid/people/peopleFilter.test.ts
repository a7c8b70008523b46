import { addPersonToCell } from "@karta/domain";
import type { DirectoryEntry } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { filterPeople } from "./peopleFilter.ts";

const entry = (fullName: string, position: string, organisationName: string, label: string): DirectoryEntry => ({
  id: fullName,
  fullName,
  position,
  organisationName,
  label,
});

const people = [
  entry("Хняч Ирина Николаевна", "директор МКУО ЦОКО", "Славянский район", "И.Н. Хняч — директор МКУО ЦОКО"),
  entry("Плесецкая Ольга Викторовна", "директор МКУО КМЦ", "Славянский район", "О.В. Плесецкая — директор МКУО КМЦ"),
  entry("Ёлкина Анна Петровна", "учитель", "МБОУ СОШ № 5", "А.П. Ёлкина — учитель"),
  entry("Петров Хаим Ильич", "методист", "Славянский район", "Х.И. Петров — методист"),
];

const names = (list: readonly DirectoryEntry[]) => list.map((p) => p.fullName.split(" ")[0]);

describe("filterPeople", () => {
  it("finds by the first letters of the surname, whatever the case", () => {
    expect(names(filterPeople(people, "хн"))).toEqual(["Хняч"]);
    expect(names(filterPeople(people, "ПЛЕС"))).toEqual(["Плесецкая"]);
  });

  it("puts surnames before first names that match", () => {
    expect(names(filterPeople(people, "х"))).toEqual(["Хняч", "Петров"]);
  });

  it("reads ё as е and also searches positions", () => {
    expect(names(filterPeople(people, "елк"))).toEqual(["Ёлкина"]);
    expect(names(filterPeople(people, "кмц"))).toEqual(["Плесецкая"]);
  });

  it("leaves out people already in the cell and lists everyone for an empty query", () => {
    const cell = addPersonToCell("", "И.Н. Хняч — директор МКУО ЦОКО");
    expect(names(filterPeople(people, "", cell))).toEqual(["Ёлкина", "Петров", "Плесецкая"]);
    expect(filterPeople(people, "", "", 2)).toHaveLength(2);
  });
});
