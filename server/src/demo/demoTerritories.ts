import type { SchoolType } from "@karta/schema";
import type { DirectoryStore } from "../storage/DirectoryStore.ts";
import {
  khasavyurtMunicipality,
  labinskMunicipality,
  labinskTerritory,
  type SeedSchool,
  severskMunicipality,
  severskSchools,
  terskMunicipality,
} from "./seeds/index.ts";

/**
 * The municipalities of seeds 000, 001, 003 and 004 beside the Славянский район of seed 002,
 * with the schools the registry needs for the figures those seeds compute.
 *
 * - Северский район (seed 003) and Лабинский район (seed 004) are in the Краснодарский край
 *   (seed 004 says «по краю» and «МОН и МП КК»; seed 003 names no region, the district is there).
 * - Терский муниципальный район (seed 000) is in the Кабардино-Балкарская Республика and the
 *   Хасавюртовский район (seed 001) in the Республика Дагестан: two more regions. Their seeds
 *   are texts only; their schools are not added (seed 000 says 7 and lists 6, seed 001 names none).
 */
export const territoryIds = {
  seversky: "seversky-rayon",
  labinsky: "labinsky-rayon",
  kabardinoBalkaria: "kabardino-balkaria",
  tersky: "tersky-rayon",
  dagestan: "dagestan",
  khasavyurtovsky: "khasavyurtovsky-rayon",
} as const;

/** The year of seed 004's monitoring and ШНОР list («осень 2021»). */
export const LABINSK_YEAR = 2021;

/** A stable id for a school of seed 003: «МБОУ ООШ № 8» → "sev-oosh-8", the lyceum → "sev-licey-afipsky". */
export function severskSchoolId(school: Pick<SeedSchool, "name" | "type">): string {
  if (school.type === "лицей") return "sev-licey-afipsky";
  const number = /№\s*(\d+)/.exec(school.name)?.[1] ?? "x";
  return `sev-${school.type === "ООШ" ? "oosh" : "sosh"}-${number}`;
}

export interface LabinskSchool {
  readonly id: string;
  readonly name: string;
  readonly shnor: boolean;
}

/**
 * Seed 004 gives the territory's 29 schools as a count and its 16 ШНОР by number only
 * («№ 5», …). The names follow the seed's own spelling of the district's schools
 * («МОБУ СОШ № 4», «МОБУ СОШ № 11»); the 13 schools outside the list are numbered from
 * the smallest numbers not in it, which the seed does not name (a demo registry, not a fact).
 */
export const labinskSchools: readonly LabinskSchool[] = (() => {
  const shnorNumbers = labinskTerritory.shnorSchools.map((entry) => Number(entry.replace(/\D/g, "")));
  const others: number[] = [];
  for (let n = 1; others.length < labinskTerritory.schoolCount - shnorNumbers.length; n++) {
    if (!shnorNumbers.includes(n)) others.push(n);
  }
  return [...shnorNumbers.map((n) => ({ n, shnor: true })), ...others.map((n) => ({ n, shnor: false }))]
    .sort((a, b) => a.n - b.n)
    .map(({ n, shnor }) => ({ id: `lab-sosh-${n}`, name: `МОБУ СОШ № ${n}`, shnor }));
})();

const schoolTypeOf = (school: SeedSchool): SchoolType => school.type;

/** Creates the three regions' extra nodes, the two Краснодарский край districts' schools and their statuses. */
export async function seedDemoTerritories(directory: DirectoryStore, krasnodarKraiId: string): Promise<void> {
  const municipality = (id: string, parentId: string, name: string) =>
    directory.createOrganisation({ id, parentId, kind: "municipality", name, schoolType: null });
  const region = (id: string, name: string) =>
    directory.createOrganisation({ id, parentId: null, kind: "region", name, schoolType: null });

  await municipality(territoryIds.seversky, krasnodarKraiId, severskMunicipality.name);
  for (const school of severskSchools) {
    const id = severskSchoolId(school);
    await directory.createOrganisation({
      id,
      parentId: territoryIds.seversky,
      kind: "school",
      name: school.name,
      schoolType: schoolTypeOf(school),
    });
    for (const [year, status] of Object.entries(school.statuses)) {
      await directory.setSchoolStatus(id, Number(year), status);
    }
  }

  await municipality(territoryIds.labinsky, krasnodarKraiId, labinskMunicipality.name);
  for (const school of labinskSchools) {
    await directory.createOrganisation({
      id: school.id,
      parentId: territoryIds.labinsky,
      kind: "school",
      name: school.name,
      schoolType: "СОШ",
    });
    if (school.shnor) await directory.setSchoolStatus(school.id, LABINSK_YEAR, "shnor");
  }

  await region(territoryIds.kabardinoBalkaria, terskMunicipality.region);
  await municipality(territoryIds.tersky, territoryIds.kabardinoBalkaria, terskMunicipality.name);
  await region(territoryIds.dagestan, khasavyurtMunicipality.region);
  await municipality(territoryIds.khasavyurtovsky, territoryIds.dagestan, khasavyurtMunicipality.name);
}
