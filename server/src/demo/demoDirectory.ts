import type { Role, SchoolType } from "@karta/schema";
import { hashPassword } from "../auth/passwords.ts";
import type { DirectoryStore } from "../storage/DirectoryStore.ts";
import { seedDemoTerritories, territoryIds } from "./demoTerritories.ts";
import { slavyanskMunicipality, slavyanskShnor2022 } from "./slavyanskRoadmap.ts";

/**
 * Demo people are fictional; the organisations are those of seed 002, and of the other
 * seeds in `demoTerritories.ts`.
 */
export const DEMO_PASSWORD = "demo";
export const DEMO_YEAR = 2022;

export const demoOrganisationIds = {
  region: "krasnodar-krai",
  municipality: "slavyansky-rayon",
} as const;

/** A stable id per school, e.g. "МБОУ СОШ № 5" → "slav-sosh-5". */
export function demoSchoolId(name: string): string {
  const number = /№\s*(\d+)/.exec(name)?.[1] ?? "x";
  const type = name.includes("ООШ") ? "oosh" : "sosh";
  return `slav-${type}-${number}`;
}

const schoolTypeOf = (name: string): SchoolType => (name.includes("ООШ") ? "ООШ" : "СОШ");

interface DemoAccount {
  login: string;
  fullName: string;
  position: string;
  organisationId: string;
  role: Role;
  roleOn: string;
  curates?: readonly string[];
}

const SCHOOL_5 = demoSchoolId("МБОУ СОШ № 5");
const SCHOOL_7 = demoSchoolId("МБОУ ООШ № 7");

export const demoAccounts: readonly DemoAccount[] = [
  {
    login: "coordinator",
    fullName: "Руденко Ольга Викторовна",
    position: "муниципальный координатор, главный специалист управления образования",
    organisationId: demoOrganisationIds.municipality,
    role: "coordinator",
    roleOn: demoOrganisationIds.municipality,
  },
  {
    login: "methodist",
    fullName: "Белова Наталья Сергеевна",
    position: "методист МКУО ЦОКО",
    organisationId: demoOrganisationIds.municipality,
    role: "methodist",
    roleOn: demoOrganisationIds.municipality,
  },
  {
    login: "curator",
    fullName: "Кравец Андрей Петрович",
    position: "куратор ШНОР, методист МКУО ЦОКО",
    organisationId: demoOrganisationIds.municipality,
    role: "curator",
    roleOn: demoOrganisationIds.municipality,
    curates: [SCHOOL_5, SCHOOL_7],
  },
  {
    login: "school5",
    fullName: "Лысенко Марина Ивановна",
    position: "заместитель директора по УВР",
    organisationId: SCHOOL_5,
    role: "school_team",
    roleOn: SCHOOL_5,
  },
  {
    login: "viewer",
    fullName: "Орлов Дмитрий Алексеевич",
    position: "эксперт",
    organisationId: demoOrganisationIds.municipality,
    role: "viewer",
    roleOn: demoOrganisationIds.municipality,
  },
  // One coordinator for each municipality of the other seeds, so their documents can be seen.
  {
    login: "coordinator-seversky",
    fullName: "Гончаренко Елена Павловна",
    position: "муниципальный координатор, методист МКУ МО Северский район «ИМЦ»",
    organisationId: territoryIds.seversky,
    role: "coordinator",
    roleOn: territoryIds.seversky,
  },
  {
    login: "coordinator-labinsky",
    fullName: "Савченко Ирина Николаевна",
    position: "муниципальный координатор проекта, методист МБУ ИМЦ города Лабинска",
    organisationId: territoryIds.labinsky,
    role: "coordinator",
    roleOn: territoryIds.labinsky,
  },
  {
    login: "coordinator-tersky",
    fullName: "Кушхова Марьяна Хасановна",
    position: "муниципальный координатор, методист ИМЦ управления образования",
    organisationId: territoryIds.tersky,
    role: "coordinator",
    roleOn: territoryIds.tersky,
  },
  {
    login: "coordinator-khasavyurt",
    fullName: "Алиева Патимат Магомедовна",
    position: "муниципальный координатор, главный специалист МУО",
    organisationId: territoryIds.khasavyurtovsky,
    role: "coordinator",
    roleOn: territoryIds.khasavyurtovsky,
  },
];

/**
 * People the roadmap names in «Ответственные» who never sign in: the
 * coordinator's registry of people without accounts. Known by initials only,
 * as the roadmap writes them.
 */
export const demoRegistryPeople: readonly { id: string; fullName: string; position: string }[] = [
  { id: "demo-person-plesetskaya", fullName: "Плесецкая О.В.", position: "директор МКУО КМЦ" },
  { id: "demo-person-khnyach", fullName: "Хняч И.Н.", position: "директор МКУО ЦОКО" },
  {
    id: "demo-person-eshchenkova",
    fullName: "Ещенкова И.В.",
    position: "начальник отдела общего образования управления образования",
  },
  { id: "demo-person-chernobrovkina", fullName: "Чернобровкина В.А.", position: "заместитель директора МКУО ЦОКО" },
  { id: "demo-person-dukhnay", fullName: "Духнай С.С.", position: "заместитель начальника управления образования" },
];

/** The account id of a demo login. */
export function demoAccountId(login: string): string {
  return `demo-${login}`;
}

/**
 * The region, Славянский район with its 2022 ШНОР schools, the other seeds' municipalities
 * (`demoTerritories.ts`), the demo accounts and the people without accounts.
 */
export async function seedDemoDirectory(directory: DirectoryStore): Promise<void> {
  await directory.createOrganisation({
    id: demoOrganisationIds.region,
    parentId: null,
    kind: "region",
    name: "Краснодарский край",
    schoolType: null,
  });
  await directory.createOrganisation({
    id: demoOrganisationIds.municipality,
    parentId: demoOrganisationIds.region,
    kind: "municipality",
    name: slavyanskMunicipality.name,
    schoolType: null,
  });
  for (const name of slavyanskShnor2022) {
    const id = demoSchoolId(name);
    await directory.createOrganisation({
      id,
      parentId: demoOrganisationIds.municipality,
      kind: "school",
      name,
      schoolType: schoolTypeOf(name),
    });
    await directory.setSchoolStatus(id, DEMO_YEAR, "shnor");
  }
  await seedDemoTerritories(directory, demoOrganisationIds.region);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of demoAccounts) {
    const id = demoAccountId(account.login);
    await directory.createAccount({
      id,
      login: account.login,
      fullName: account.fullName,
      position: account.position,
      organisationId: account.organisationId,
      passwordHash,
    });
    await directory.addGrant({
      id: `${id}-${account.role}`,
      accountId: id,
      role: account.role,
      organisationId: account.roleOn,
    });
    if (account.curates) await directory.setCuratedSchools(id, account.curates);
  }
  for (const person of demoRegistryPeople) {
    await directory.createRegistryPerson({ ...person, organisationId: demoOrganisationIds.municipality });
  }
}
