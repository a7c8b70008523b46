/**
 * «Список ШНОР по годам» (DOMAIN §8) of the Северский район, seed 003: the analytic report
 * «о результатах реализации муниципальной программы повышения качества образования в школах с
 * низкими результатами обучения … в муниципальном образовании Северский район на 2021-2024
 * годы», approved by the head of МКУ МО Северский район «ИМЦ» on 23.12.2024. Seed 003 is
 * about the Северский район, not the Славянский район of seed 002; it does not name the
 * region.
 *
 * The registry is the source: a school's status per year. The seed's table «Список
 * образовательных организаций, входящих в список ШНОР в МО Северский район» lists, per year,
 * the schools in the ШНОР list, and its prose says «В 2020 году их было 8, в 2024 году одна»;
 * both agree (8, 7, 5 and 1 schools in 2020, 2022, 2023 and 2024).
 *
 * What the seed gives and what is inferred:
 * - "shnor": the school is in the year's column of the table (verbatim from the seed).
 * - "left": inferred. The school is in the ШНОР list of the previous year of the table and
 *   not in this year's; the prose confirms the exits («осталась одна образовательная
 *   организация, оставшаяся в списке ШНОР, МБОУ СОШ №7»). The table has no 2021 column (the
 *   programme is «на 2021-2024 годы»), so a school marked "left" in 2022 left in 2021 or 2022.
 *   "left" is put only in the first year the school is out of the list; no school comes back.
 * - The seed says nothing of «500+» or постпроектное сопровождение in this municipality, so
 *   no school has those statuses here.
 * - 2021 has no status at all: the seed does not say.
 *
 * The table's own layout (its column order is not derivable: the 2020 column lists
 * № 11 before № 8) is kept verbatim in `severskShnorTable`; the test holds it to the registry.
 */

export type SeedSchoolStatus = "shnor" | "project500" | "postProject" | "left";

export type SeedSchoolType = "СОШ" | "ООШ" | "НОШ" | "лицей" | "гимназия" | "интернат";

export interface SeedSchool {
  /** Canonical name, as the seed's ШНОР table spells it: «МБОУ СОШ № 5». */
  readonly name: string;
  readonly type: SeedSchoolType;
  /** Организационно-правовая форма, as in the name. */
  readonly legalForm: "МБОУ" | "МАОУ" | "МКОУ" | "МОБУ";
  /** Status per year ("2022" → "shnor"), the shape of the school registry. */
  readonly statuses: Readonly<Record<string, SeedSchoolStatus>>;
  /** Other spellings of the same school in the seed (Таблица 1 and the prose). */
  readonly aliases: readonly string[];
}

export interface SeedMunicipality {
  readonly name: string;
  readonly fullName: string;
}

export const severskMunicipality = {
  name: "Северский район",
  fullName: "муниципальное образование Северский район",
  /** The methodical centre that wrote the report and holds most of Таблица 1's events. */
  methodCentre: "МКУ МО Северский район «ИМЦ»",
} as const satisfies SeedMunicipality & { methodCentre: string };

/** The years of the seed's table (it has no 2021 column). */
export const severskShnorYears = [2020, 2022, 2023, 2024] as const;

/**
 * Every school seed 003 names, ШНОР or not (МБОУ СОШ № 43 only hosts a meeting in
 * Таблица 1). Ordered by number, the lyceum last.
 */
export const severskSchools: readonly SeedSchool[] = [
  { name: "МБОУ СОШ № 2", type: "СОШ", legalForm: "МБОУ", statuses: { 2020: "shnor", 2022: "left" }, aliases: [] },
  {
    name: "МБОУ СОШ № 6",
    type: "СОШ",
    legalForm: "МБОУ",
    statuses: { 2022: "shnor", 2023: "shnor", 2024: "left" },
    aliases: ["МБОУ СОШ №6"],
  },
  {
    name: "МБОУ СОШ № 7",
    type: "СОШ",
    legalForm: "МБОУ",
    statuses: { 2022: "shnor", 2023: "shnor", 2024: "shnor" },
    aliases: ["МБОУ СОШ №7", "МБОУ СОШ №7 станицы Ставропольской"],
  },
  {
    name: "МБОУ ООШ № 8",
    type: "ООШ",
    legalForm: "МБОУ",
    statuses: { 2020: "shnor", 2022: "shnor", 2023: "shnor", 2024: "left" },
    aliases: ["МБОУ ООШ №8"],
  },
  { name: "МБОУ СОШ № 11", type: "СОШ", legalForm: "МБОУ", statuses: { 2020: "shnor", 2022: "left" }, aliases: [] },
  { name: "МБОУ ООШ № 12", type: "ООШ", legalForm: "МБОУ", statuses: { 2020: "shnor", 2022: "left" }, aliases: [] },
  { name: "МБОУ СОШ № 19", type: "СОШ", legalForm: "МБОУ", statuses: { 2022: "shnor", 2023: "left" }, aliases: [] },
  {
    name: "МБОУ СОШ № 21",
    type: "СОШ",
    legalForm: "МБОУ",
    statuses: { 2023: "shnor", 2024: "left" },
    aliases: ["МБОУ СОШ №21"],
  },
  { name: "МБОУ СОШ № 23", type: "СОШ", legalForm: "МБОУ", statuses: { 2022: "shnor", 2023: "left" }, aliases: [] },
  {
    name: "МБОУ СОШ № 27",
    type: "СОШ",
    legalForm: "МБОУ",
    statuses: { 2023: "shnor", 2024: "left" },
    aliases: ["МБОУ СОШ №27"],
  },
  {
    name: "МБОУ СОШ № 32",
    type: "СОШ",
    legalForm: "МБОУ",
    statuses: { 2020: "shnor", 2022: "shnor", 2023: "left" },
    aliases: [],
  },
  { name: "МБОУ СОШ № 36", type: "СОШ", legalForm: "МБОУ", statuses: { 2020: "shnor", 2022: "left" }, aliases: [] },
  { name: "МБОУ СОШ № 43", type: "СОШ", legalForm: "МБОУ", statuses: {}, aliases: ["МБОУ СОШ №43"] },
  {
    name: "МБОУ СОШ № 45",
    type: "СОШ",
    legalForm: "МБОУ",
    statuses: { 2020: "shnor", 2022: "left" },
    aliases: ["МБОУ СОШ №45"],
  },
  { name: "МБОУ СОШ № 59", type: "СОШ", legalForm: "МБОУ", statuses: { 2022: "shnor", 2023: "left" }, aliases: [] },
  {
    name: "МАОУ лицей пгт Афипского",
    type: "лицей",
    legalForm: "МАОУ",
    statuses: { 2020: "shnor", 2022: "left" },
    aliases: [],
  },
];

/** The schools with a status in a year. */
export function severskSchoolsWithStatus(year: number, status: SeedSchoolStatus): readonly SeedSchool[] {
  return severskSchools.filter((school) => school.statuses[String(year)] === status);
}

export const severskShnorTableTitle = "Список образовательных организаций, входящих в список ШНОР в МО Северский район";

/**
 * The seed's table, every cell verbatim (including «2023год» and «2024год» without a space):
 * a header row, then one row per line number; each year column is that year's ШНОР list.
 * The first header row of the seed (its merged «Школы ШНОР» over the years) is
 * `severskShnorTableCaption`.
 */
export const severskShnorTableCaption = "Школы ШНОР";

export const severskShnorTable: readonly (readonly string[])[] = [
  ["", "2020 год", "2022 год", "2023год", "2024год"],
  ["1", "МБОУ СОШ № 2", "МБОУ СОШ № 6", "МБОУ СОШ № 6", ""],
  ["2", "МБОУ СОШ № 11", "МБОУ СОШ № 7", "МБОУ СОШ № 7", "МБОУ СОШ № 7"],
  ["3", "МБОУ ООШ № 8", "МБОУ ООШ № 8", "МБОУ ООШ № 8", ""],
  ["4", "МБОУ ООШ № 12", "МБОУ СОШ № 19", "МБОУ СОШ № 21", ""],
  ["5", "МБОУ СОШ № 32", "МБОУ СОШ № 23", "МБОУ СОШ № 27", ""],
  ["6", "МБОУ СОШ № 36", "МБОУ СОШ № 32", "", ""],
  ["7", "МБОУ СОШ № 45", "МБОУ СОШ № 59", "", ""],
  ["8", "МАОУ лицей пгт Афипского", "", "", ""],
];

/** The seed's prose on the list, verbatim: the figures a report computes from the registry. */
export const severskShnorProse =
  "Количество образовательных организаций муниципалитета, входящих в список ШНОР постоянно снижается. В 2020 году их было 8, в 2024 году одна.";
