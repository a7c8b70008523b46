import type { Organisation, SessionInfo } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { ancestorsOrSelf, creatableOrganisations, fitsScope, managedIds, subtree } from "./tree.ts";

const org = (id: string, parentId: string | null, kind: Organisation["kind"], name = id): Organisation => ({
  id,
  parentId,
  kind,
  name,
  schoolType: kind === "school" ? "СОШ" : null,
  statuses: {},
});

const tree: Organisation[] = [
  org("krai", null, "region", "Краснодарский край"),
  org("rayon", "krai", "municipality", "Славянский район"),
  org("s10", "rayon", "school", "МБОУ СОШ № 10"),
  org("s5", "rayon", "school", "МБОУ СОШ № 5"),
  org("other", "krai", "municipality", "Другой район"),
  org("o1", "other", "school", "МБОУ СОШ № 1"),
];

function user(roles: [SessionInfo["user"]["roles"][number]["role"], string][], managed: string[] = []) {
  return {
    id: "u",
    login: "u",
    fullName: "Ф И О",
    position: "",
    organisationId: "rayon",
    organisationName: "Славянский район",
    roles: roles.map(([role, organisationId], i) => ({ id: `g${i}`, role, organisationId })),
    curatedSchoolIds: [],
    managedOrganisationIds: managed,
    creatableOrganisationIds: [] as string[],
  } satisfies SessionInfo["user"];
}

const ids = (list: readonly Organisation[]) => list.map((o) => o.id);

describe("the organisation tree", () => {
  it("walks up and down", () => {
    expect(ancestorsOrSelf(tree, "s5")).toEqual(["s5", "rayon", "krai"]);
    expect([...subtree(tree, "rayon")].sort()).toEqual(["rayon", "s10", "s5"]);
    expect([...managedIds(tree, user([["coordinator", "rayon"]], ["rayon"]))].sort()).toEqual(["rayon", "s10", "s5"]);
  });
});

describe("creatableOrganisations", () => {
  it("keeps the organisations the server allows, region first, then schools in number order", () => {
    const coordinator = {
      ...user([["coordinator", "rayon"]], ["rayon"]),
      creatableOrganisationIds: ["s10", "rayon", "s5"],
    };
    expect(ids(creatableOrganisations(tree, coordinator))).toEqual(["rayon", "s5", "s10"]);
  });

  it("offers nothing the server did not list", () => {
    expect(ids(creatableOrganisations(tree, user([["coordinator", "rayon"]], ["rayon"])))).toEqual([]);
  });

  it("matches templates to organisations by scope", () => {
    expect(fitsScope(org("s", "r", "school"), "school")).toBe(true);
    expect(fitsScope(org("r", "k", "municipality"), "school")).toBe(false);
    expect(fitsScope(org("k", null, "region"), "municipality")).toBe(true);
  });
});
