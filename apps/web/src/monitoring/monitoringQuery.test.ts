import type { Organisation, SessionInfo } from "@karta/schema";
import { describe, expect, it } from "vitest";
import {
  defaultYear,
  mayMonitor,
  monitoredMunicipalities,
  monitoringPath,
  parseMonitoringQuery,
  rememberChoice,
  rememberedChoice,
  yearChoices,
  yearsWithDocuments,
} from "./monitoringQuery.ts";

function org(id: string, kind: Organisation["kind"], parentId: string | null, name = id): Organisation {
  return { id, kind, parentId, name, schoolType: null, statuses: {} };
}

const organisations = [
  org("krai", "region", null, "Краснодарский край"),
  org("slavyansky-rayon", "municipality", "krai", "Славянский район"),
  org("seversky-rayon", "municipality", "krai", "Северский район"),
  org("slav-sosh-5", "school", "slavyansky-rayon", "МБОУ СОШ № 5"),
  org("sev-sosh-1", "school", "seversky-rayon", "МБОУ СОШ № 1"),
  org("dagestan", "region", null, "Республика Дагестан"),
  org("khasavyurt", "municipality", "dagestan", "Хасавюртовский район"),
];

function user(roles: [SessionInfo["user"]["roles"][number]["role"], string][]): SessionInfo["user"] {
  return {
    id: "u",
    login: "u",
    fullName: "Иванова Анна Петровна",
    position: "",
    organisationId: "slavyansky-rayon",
    organisationName: "Славянский район",
    roles: roles.map(([role, organisationId], i) => ({ id: `g${i}`, role, organisationId })),
    curatedSchoolIds: [],
    managedOrganisationIds: [],
    creatableOrganisationIds: [],
  };
}

describe("the address of «Мониторинг»", () => {
  it("reads the municipality, the year and the filters", () => {
    expect(parseMonitoringQuery("?organisation=slavyansky-rayon&year=2022&school=slav-sosh-5&factor=X")).toEqual({
      organisation: "slavyansky-rayon",
      year: 2022,
      school: "slav-sosh-5",
      factor: "X",
    });
    expect(parseMonitoringQuery("")).toEqual({ organisation: null, year: null, school: null, factor: null });
    expect(parseMonitoringQuery("?year=двадцать&organisation=%20")).toMatchObject({ organisation: null, year: null });
  });

  it("writes what it reads, empty parts left out, and a section after #", () => {
    const query = { organisation: "slavyansky-rayon", year: 2022, school: null, factor: "Низкая учебная мотивация" };
    const path = monitoringPath(query, "matrix");
    expect(path.startsWith("/monitoring?organisation=slavyansky-rayon&year=2022&factor=")).toBe(true);
    expect(path.endsWith("#matrix")).toBe(true);
    expect(parseMonitoringQuery(path.slice(path.indexOf("?"), path.indexOf("#")))).toEqual(query);
    expect(monitoringPath({})).toBe("/monitoring");
  });
});

describe("who monitors what", () => {
  it("offers the menu item to coordinators, methodists and viewers only", () => {
    expect(mayMonitor(user([["coordinator", "slavyansky-rayon"]]))).toBe(true);
    expect(mayMonitor(user([["methodist", "slavyansky-rayon"]]))).toBe(true);
    expect(mayMonitor(user([["viewer", "krai"]]))).toBe(true);
    expect(mayMonitor(user([["school_team", "slav-sosh-5"]]))).toBe(false);
    expect(mayMonitor(user([["curator", "slavyansky-rayon"]]))).toBe(false);
  });

  it("lists the municipalities at or below such a role, by name", () => {
    expect(monitoredMunicipalities(organisations, user([["viewer", "krai"]])).map((o) => o.id)).toEqual([
      "seversky-rayon",
      "slavyansky-rayon",
    ]);
    expect(monitoredMunicipalities(organisations, user([["methodist", "slavyansky-rayon"]])).map((o) => o.id)).toEqual([
      "slavyansky-rayon",
    ]);
    // A viewer of one school, a curator: no municipality.
    expect(monitoredMunicipalities(organisations, user([["viewer", "slav-sosh-5"]]))).toEqual([]);
    expect(monitoredMunicipalities(organisations, user([["curator", "slavyansky-rayon"]]))).toEqual([]);
  });
});

describe("which year", () => {
  const documents = [
    { organisationId: "slav-sosh-5", year: 2022 },
    { organisationId: "slavyansky-rayon", year: 2021 },
    { organisationId: "slavyansky-rayon", year: 2022 },
    { organisationId: "sev-sosh-1", year: 2024 },
  ];

  it("knows the years with documents of the municipality or its schools, newest first", () => {
    expect(yearsWithDocuments(documents, organisations, "slavyansky-rayon")).toEqual([2022, 2021]);
    expect(yearsWithDocuments(documents, organisations, "khasavyurt")).toEqual([]);
  });

  it("takes the remembered year if it has documents, else the latest, else this year", () => {
    expect(defaultYear([2022, 2021], 2021)).toBe(2021);
    expect(defaultYear([2022, 2021], 2019)).toBe(2022);
    expect(defaultYear([2022, 2021], null)).toBe(2022);
    expect(defaultYear([], null, new Date(2026, 11, 3))).toBe(2026);
    expect(defaultYear([], 2023)).toBe(2023);
  });

  it("offers the years with documents and the one shown", () => {
    expect(yearChoices([2022, 2021], 2025)).toEqual([2025, 2022, 2021]);
    expect(yearChoices([2022, 2021], 2022)).toEqual([2022, 2021]);
  });

  it("remembers the municipality and each municipality's year on this device", () => {
    const stored = new Map<string, string>();
    const storage = {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => stored.set(k, v),
    };
    expect(rememberedChoice(null, storage)).toEqual({ organisation: null, year: null });
    rememberChoice("slavyansky-rayon", 2021, storage);
    rememberChoice("seversky-rayon", 2024, storage);
    expect(rememberedChoice(null, storage)).toEqual({ organisation: "seversky-rayon", year: 2024 });
    expect(rememberedChoice("slavyansky-rayon", storage)).toEqual({ organisation: "seversky-rayon", year: 2021 });
    stored.set("karta.monitoring.v1", "{not json");
    expect(rememberedChoice(null, storage)).toEqual({ organisation: null, year: null });
  });
});
