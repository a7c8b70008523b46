/**
 * «Мониторинг предметных дефицитов педагогов» (DOMAIN §7) of the Лабинский район, seed 004
 * («Работа со школами ШНОР и по проекту 500+ в Лабинском районе», written in autumn 2021),
 * and what the seed says about the municipality's schools.
 *
 * Only the counts are kept. The seed also has typed shares («Доля педагогов …, %») and a
 * total row («Всего: 232 65 79 84 4»); shares and totals are computed, never typed. The
 * seed's typed shares, for the record (A/B/C/D, % as typed → computed from the counts):
 * - математика: 19/44/36/3 → 18,8/43,8/34,4/3,1 (C is wrong; the typed shares add up to 102);
 * - химия: 45/27/19/9 → 18,8/25,0/43,8/12,5 (all four wrong);
 * - биология: 21/33/39/6 → 22,2/33,3/38,9/5,6 (A is wrong; they add up to 99);
 * - the other rows are off by at most one point from rounding to a total of 100
 *   (e.g. русский язык C: 34 typed, 33,3 computed).
 * Every row's counts add up to its number of teachers, and the typed total row agrees with
 * the sums of the counts (232 = 65 + 79 + 84 + 4), so there is no inconsistency in the counts.
 *
 * The level letters in the seed's column titles are Cyrillic А, В, С and a Latin D; the keys
 * here are Latin a, b, c, d.
 */

export interface TeacherDeficitRow {
  /** Предмет («преподаваемый учебный предмет») */
  readonly subject: string;
  /** Численность педагогов, преподающих предмет */
  readonly teachers: number;
  /** Уровень А: наличие системных дефицитов, требующих устранения */
  readonly a: number;
  /** Уровень В: наличие локальных дефицитов, рекомендуемых к устранению */
  readonly b: number;
  /** Уровень С: наличие несущественных дефицитов, восполняемых по желанию педагога */
  readonly c: number;
  /** Уровень D: отсутствие дефицитов */
  readonly d: number;
}

export const labinskMunicipality = {
  name: "Лабинский район",
  fullName: "муниципальное образование Лабинский район",
  /** The seed says «по краю» and «министерства образования, науки и молодежной политики КК». */
  region: "Краснодарский край",
  /** As the seed names its director; it also writes «МКУ ИМЦ города Лабинска» twice. */
  methodCentre: "МБУ ИМЦ города Лабинска",
} as const;

/** The seed's column titles for the counts, verbatim (double spaces included). */
export const labinskTeacherDeficitHeaders: Readonly<Record<keyof TeacherDeficitRow, string>> = {
  subject: "преподаваемый учебный предмет",
  teachers: "Численность педагогов, преподающих предмет",
  a: "наличие системных дефицитов, требующих устранения (уровень А)",
  b: "наличие локальных дефицитов, рекомендуемых к устранению (уровень В)",
  c: "наличие несущественных  дефицитов, восполняемых по желанию педагога (уровень С)",
  d: "отсутствие дефицитов (уровень D)",
};

/** The ten subjects of the table, in the seed's order; the total row is computed. */
export const labinskTeacherDeficitRows: readonly TeacherDeficitRow[] = [
  { subject: "русский язык", teachers: 36, a: 8, b: 16, c: 12, d: 0 },
  { subject: "математика", teachers: 32, a: 6, b: 14, c: 11, d: 1 },
  { subject: "иностранный язык", teachers: 33, a: 14, b: 11, c: 8, d: 0 },
  { subject: "информатика", teachers: 18, a: 8, b: 5, c: 5, d: 0 },
  { subject: "физика", teachers: 17, a: 4, b: 6, c: 7, d: 0 },
  { subject: "химия", teachers: 16, a: 3, b: 4, c: 7, d: 2 },
  { subject: "биология", teachers: 18, a: 4, b: 6, c: 7, d: 1 },
  { subject: "история", teachers: 23, a: 9, b: 5, c: 9, d: 0 },
  { subject: "обществознание", teachers: 21, a: 6, b: 5, c: 10, d: 0 },
  { subject: "география", teachers: 18, a: 3, b: 7, c: 8, d: 0 },
];

/**
 * The seed's table on the territory: «Всего школ в территории» 29 and «Кол-во ШНОР», a cell
 * that lists the ШНОР by number only (16 of them; the count and «Доля ШНОР в территории»
 * 55,2 % are computed from it). The list is not dated; the seed is about 2021.
 * «Доля ШНОР в среднем по краю» is the region's figure, typed, and cannot be computed here.
 */
export const labinskTerritory = {
  schoolCount: 29,
  /** The «Кол-во ШНОР» cell, one entry per school, verbatim. */
  shnorSchools: [
    "№ 5",
    "№ 6",
    "№ 9",
    "№ 13",
    "№ 15",
    "№ 16",
    "№ 20",
    "№ 21",
    "№ 22",
    "№ 25",
    "№ 26",
    "№ 27",
    "№ 28",
    "№ 30",
    "№ 31",
    "№ 32",
  ],
  /** «Доля ШНОР в среднем по краю», % */
  regionalShnorSharePercent: 32.5,
} as const;

/**
 * The schools in «500+», as the seed names them: «В пилотный проект «500+» в 2020 году входила
 * СОШ № 6. В проект «500+» в 2021 году вошли 2 школы (№ 22, №13).» All three are also in the
 * ШНОР list, so a single status per school and year cannot say both.
 */
export const labinskProject500: Readonly<Record<string, readonly string[]>> = {
  2020: ["СОШ № 6"],
  2021: ["№ 22", "№13"],
};
