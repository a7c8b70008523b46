import type { AccessLevel, Role } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { OrganisationTree } from "./OrganisationTree.ts";
import {
  creatableOrganisations,
  documentAccess,
  managedOrganisations,
  managesTreeRoot,
  mayChangeThreadStatus,
  mayCreateDocument,
  mayExportWorkbook,
  mayMonitor,
  mayTransition,
  type Principal,
  visibleOrganisations,
} from "./policy.ts";

const tree = new OrganisationTree([
  { id: "krai", parentId: null, kind: "region", name: "Краснодарский край" },
  { id: "slav", parentId: "krai", kind: "municipality", name: "Славянский район" },
  { id: "other", parentId: "krai", kind: "municipality", name: "Другой район" },
  { id: "s5", parentId: "slav", kind: "school", name: "МБОУ СОШ № 5" },
  { id: "s7", parentId: "slav", kind: "school", name: "МБОУ ООШ № 7" },
  { id: "s11", parentId: "slav", kind: "school", name: "МБОУ ООШ № 11" },
  { id: "x1", parentId: "other", kind: "school", name: "Школа другого района" },
]);

const person = (grants: [Role, string][], curated: string[] = []): Principal => ({
  accountId: "a",
  login: "a",
  fullName: "А",
  grants: grants.map(([role, organisationId]) => ({ role, organisationId })),
  curatedSchoolIds: curated,
});

const ORGS = ["slav", "s5", "s7", "s11", "other", "x1"] as const;
const accessRow = (p: Principal) => Object.fromEntries(ORGS.map((o) => [o, documentAccess(p, tree, o)]));

describe("documentAccess", () => {
  const cases: [string, Principal, Record<(typeof ORGS)[number], AccessLevel>][] = [
    [
      "school team edits its own school only",
      person([["school_team", "s5"]]),
      { slav: "none", s5: "edit", s7: "none", s11: "none", other: "none", x1: "none" },
    ],
    [
      "curator comments on assigned schools only",
      person([["curator", "slav"]], ["s5", "s7"]),
      { slav: "none", s5: "comment", s7: "comment", s11: "none", other: "none", x1: "none" },
    ],
    [
      "methodist edits municipal documents and comments on its schools",
      person([["methodist", "slav"]]),
      { slav: "edit", s5: "comment", s7: "comment", s11: "comment", other: "none", x1: "none" },
    ],
    [
      "coordinator of the municipality",
      person([["coordinator", "slav"]]),
      { slav: "edit", s5: "comment", s7: "comment", s11: "comment", other: "none", x1: "none" },
    ],
    [
      "regional viewer reads everything below the region",
      person([["viewer", "krai"]]),
      { slav: "read", s5: "read", s7: "read", s11: "read", other: "read", x1: "read" },
    ],
    [
      "the strongest of several roles wins",
      person([
        ["viewer", "slav"],
        ["school_team", "s5"],
      ]),
      { slav: "read", s5: "edit", s7: "read", s11: "read", other: "none", x1: "none" },
    ],
    [
      "nobody without roles",
      person([]),
      { slav: "none", s5: "none", s7: "none", s11: "none", other: "none", x1: "none" },
    ],
  ];
  for (const [name, p, expected] of cases) it(name, () => expect(accessRow(p)).toEqual(expected));

  it("gives nothing for a document without an organisation or with an unknown one", () => {
    const admin = person([["coordinator", "krai"]]);
    expect(documentAccess(admin, tree, null)).toBe("none");
    expect(documentAccess(admin, tree, "gone")).toBe("none");
  });
});

describe("managing and creating", () => {
  it("a coordinator manages the subtree of the node", () => {
    expect([...managedOrganisations(person([["coordinator", "slav"]]), tree)].sort()).toEqual([
      "s11",
      "s5",
      "s7",
      "slav",
    ]);
    expect(managedOrganisations(person([["methodist", "slav"]]), tree).size).toBe(0);
  });

  it("creates where one edits, and a coordinator for the schools too", () => {
    expect(mayCreateDocument(person([["school_team", "s5"]]), tree, "s5")).toBe(true);
    expect(mayCreateDocument(person([["school_team", "s5"]]), tree, "s7")).toBe(false);
    expect(mayCreateDocument(person([["coordinator", "slav"]]), tree, "s7")).toBe(true);
    expect(mayCreateDocument(person([["curator", "slav"]], ["s5"]), tree, "s5")).toBe(false);
  });

  it("lists where one may create, for the client's form", () => {
    expect(creatableOrganisations(person([["school_team", "s5"]]), tree)).toEqual(["s5"]);
    expect(creatableOrganisations(person([["curator", "slav"]], ["s5"]), tree)).toEqual([]);
    expect(creatableOrganisations(person([["methodist", "slav"]]), tree)).toEqual(["slav"]);
    expect(creatableOrganisations(person([["coordinator", "slav"]]), tree).sort()).toEqual(["s11", "s5", "s7", "slav"]);
  });

  it("sees the tree above and below its grants", () => {
    expect([...visibleOrganisations(person([["school_team", "s5"]]), tree)].sort()).toEqual(["krai", "s5", "slav"]);
    expect([...visibleOrganisations(person([["curator", "slav"]], ["s7"]), tree)].sort()).toEqual([
      "krai",
      "s7",
      "slav",
    ]);
  });

  it("lets a thread's opener and the document's editors resolve it, anyone who comments reopen it", () => {
    expect(mayChangeThreadStatus("comment", true, "resolved")).toBe(true);
    expect(mayChangeThreadStatus("edit", false, "resolved")).toBe(true);
    expect(mayChangeThreadStatus("comment", false, "resolved")).toBe(false);
    expect(mayChangeThreadStatus("comment", false, "open")).toBe(true);
    expect(mayChangeThreadStatus("read", true, "open")).toBe(false);
    expect(mayChangeThreadStatus("none", true, "resolved")).toBe(false);
  });

  it("gives the journal's entries of no organisation to the coordinators of a tree root only", () => {
    expect(managesTreeRoot(person([["coordinator", "krai"]]), tree)).toBe(true);
    expect(managesTreeRoot(person([["coordinator", "slav"]]), tree)).toBe(false);
    expect(managesTreeRoot(person([["methodist", "krai"]]), tree)).toBe(false);
  });

  it("lets editors submit, the curator and the municipality return and agree, a coordinator approve and reopen", () => {
    const school = person([["school_team", "s5"]]);
    const curator = person([["curator", "slav"]], ["s5"]);
    const methodist = person([["methodist", "slav"]]);
    const coordinator = person([["coordinator", "slav"]]);
    const elsewhere = person([["coordinator", "other"]]);
    const may = (p: typeof school, action: "submit" | "return" | "agree" | "approve" | "reopen") =>
      mayTransition(p, tree, "s5", action);
    expect([may(school, "submit"), may(school, "agree"), may(school, "approve")]).toEqual([true, false, false]);
    expect([may(curator, "submit"), may(curator, "return"), may(curator, "agree"), may(curator, "approve")]).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect([may(methodist, "agree"), may(methodist, "approve")]).toEqual([true, false]);
    expect([may(coordinator, "agree"), may(coordinator, "approve"), may(coordinator, "reopen")]).toEqual([
      true,
      true,
      true,
    ]);
    expect([may(elsewhere, "agree"), may(elsewhere, "approve")]).toEqual([false, false]);
    expect(mayTransition(person([["curator", "slav"]], ["s7"]), tree, "s5", "agree")).toBe(false);
  });
});

describe("mayExportWorkbook", () => {
  it("lets the municipality's coordinators and the region's have its workbook, nobody else", () => {
    expect(mayExportWorkbook(person([["coordinator", "slav"]]), tree, "slav")).toBe(true);
    expect(mayExportWorkbook(person([["coordinator", "krai"]]), tree, "slav")).toBe(true);
    expect(mayExportWorkbook(person([["coordinator", "other"]]), tree, "slav")).toBe(false);
    for (const role of ["methodist", "viewer", "school_team", "curator"] as const)
      expect(mayExportWorkbook(person([[role, "slav"]], ["s5"]), tree, "slav")).toBe(false);
  });

  it("is for a municipality only, never a school or a region or an unknown node", () => {
    const regional = person([["coordinator", "krai"]]);
    expect(mayExportWorkbook(regional, tree, "s5")).toBe(false);
    expect(mayExportWorkbook(regional, tree, "krai")).toBe(false);
    expect(mayExportWorkbook(regional, tree, "nowhere")).toBe(false);
  });
});

describe("mayMonitor", () => {
  it("opens a municipality's «Мониторинг» to its coordinators, methodists and viewers and the region's", () => {
    for (const role of ["coordinator", "methodist", "viewer"] as const) {
      expect(mayMonitor(person([[role, "slav"]]), tree, "slav"), role).toBe(true);
      expect(mayMonitor(person([[role, "krai"]]), tree, "slav"), `${role} of the region`).toBe(true);
      expect(mayMonitor(person([[role, "other"]]), tree, "slav"), `${role} of another district`).toBe(false);
    }
  });

  it("is closed to curators and school teams, and there is none of a school or a region", () => {
    expect(mayMonitor(person([["curator", "slav"]], ["s5"]), tree, "slav")).toBe(false);
    expect(mayMonitor(person([["school_team", "s5"]]), tree, "slav")).toBe(false);
    expect(mayMonitor(person([["coordinator", "krai"]]), tree, "s5")).toBe(false);
    expect(mayMonitor(person([["coordinator", "krai"]]), tree, "krai")).toBe(false);
  });
});
