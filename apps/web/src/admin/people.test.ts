import type { Organisation, Person, RegistryPerson } from "@karta/schema";
import { describe, expect, it } from "vitest";
import {
  hasRole,
  invitationUrl,
  managedSchools,
  pickableOrganisations,
  sortPeople,
  withPerson,
  withRegistryPerson,
} from "./people.ts";

const person = (id: string, fullName: string, roles: Person["roles"] = []): Person => ({
  id,
  login: id,
  fullName,
  position: "",
  organisationId: "rayon",
  roles,
  curatedSchoolIds: [],
  active: true,
});

const org = (id: string, kind: Organisation["kind"], name: string): Organisation => ({
  id,
  parentId: null,
  kind,
  name,
  schoolType: null,
  statuses: {},
});

describe("people", () => {
  it("sorts by ФИО", () => {
    expect(sortPeople([person("b", "Руденко"), person("a", "Белова")]).map((p) => p.id)).toEqual(["a", "b"]);
  });

  it("offers managed organisations, the municipality first", () => {
    const list = [
      org("s5", "school", "МБОУ СОШ № 5"),
      org("rayon", "municipality", "Славянский район"),
      org("x", "school", "Чужая"),
    ];
    expect(pickableOrganisations(list, new Set(["s5", "rayon"])).map((o) => o.id)).toEqual(["rayon", "s5"]);
    expect(managedSchools(list, new Set(["s5", "rayon"])).map((o) => o.id)).toEqual(["s5"]);
  });

  it("tells roles apart", () => {
    const curator = person("c", "Кравец", [{ id: "g", role: "curator", organisationId: "rayon" }]);
    expect(hasRole(curator, "curator")).toBe(true);
    expect(hasRole(curator, "viewer")).toBe(false);
  });

  it("builds the link to copy on this site", () => {
    expect(invitationUrl("/invite/abc", "http://127.0.0.1:18080")).toBe("http://127.0.0.1:18080/invite/abc");
  });

  it("replaces a changed person, adds a new one first", () => {
    const a = person("a", "А");
    expect(withPerson([a], { ...a, fullName: "Б" })[0]?.fullName).toBe("Б");
    expect(withPerson([a], person("n", "Н")).map((p) => p.id)).toEqual(["n", "a"]);
  });
});

describe("the registry of people without accounts", () => {
  const entry = (id: string, fullName: string): RegistryPerson => ({
    id,
    fullName,
    position: "",
    organisationId: "rayon",
    label: fullName,
  });
  const list = [entry("p", "Плесецкая О.В."), entry("x", "Хняч И.Н.")];

  it("keeps people by ФИО when one is added or renamed", () => {
    expect(withRegistryPerson(list, "d", entry("d", "Духнай С.С.")).map((p) => p.id)).toEqual(["d", "p", "x"]);
    expect(withRegistryPerson(list, "x", entry("x", "Андреева И.Н.")).map((p) => p.fullName)).toEqual([
      "Андреева И.Н.",
      "Плесецкая О.В.",
    ]);
  });

  it("drops a removed one", () => {
    expect(withRegistryPerson(list, "p", null).map((p) => p.id)).toEqual(["x"]);
  });
});
