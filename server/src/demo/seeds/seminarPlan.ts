/**
 * «План семинаров» (DOMAIN §6) of the Славянский район, seed 002: row 9 of the roadmap
 * table of the order of 21.01.2022 № 156 («Проведение семинаров для директоров и
 * заместителей директоров по повышению качества образования на базе ШНОР и
 * школ-наставников»). The roadmap row itself is in `../slavyanskRoadmap.ts`; this module
 * splits its six seminars into the plan's columns База (школа) | Тема | Дата.
 *
 * In the seed each seminar is one line «<база> – «<тема>»» (the first with a hyphen " - ",
 * the others with an en dash " – ") and the dates are the six lines of the «Сроки» cell,
 * in the same order. `base` and `date` are verbatim; `topic` is the text inside the
 * guillemets, verbatim, without the guillemets themselves.
 *
 * The bases are short names as typed. Against the school lists of section 4 of the same
 * seed: «СОШ № 5» is МБОУ СОШ № 5 (ШНОР 2022), «ООШ № 7» is МБОУ ООШ № 7 (ШНОР and «500+»),
 * «СОШ № 19» is МБОУ СОШ № 19 (постпроектное сопровождение); «СОШ № 20» is listed there as
 * «МБОУ ООШ № 20» (the seed disagrees with itself on the school's type); «СОШ № 12» and
 * «Лицей № 1» are in no list of the seed (школы-наставники).
 */

export interface SeminarPlanRow {
  /** База (школа) */
  readonly base: string;
  /** Тема */
  readonly topic: string;
  /** Дата: as typed, a date or a month («февраль 2022 г.») */
  readonly date: string;
}

export const slavyanskSeminarPlanTitle = "План семинаров";

/** The measure of roadmap row 9 the plan belongs to, verbatim. */
export const slavyanskSeminarPlanMeasure =
  "Проведение семинаров для директоров и заместителей директоров по повышению качества образования на базе ШНОР и школ-наставников";

/** The six seminars, in the seed's order. */
export const slavyanskSeminarPlanRows: readonly SeminarPlanRow[] = [
  {
    base: "СОШ № 19",
    topic:
      "Формирование функциональной грамотности младших школьников (языковой, читательской, математической и естественно-научной)",
    date: "26.01.2022",
  },
  {
    base: "СОШ № 12",
    topic:
      "Наставничество как механизм обеспечения качества образования и повышения профессионального мастерства педагогов",
    date: "февраль 2022 г.",
  },
  {
    base: "СОШ № 5",
    topic: "Технология компетентностно-ориентированного обучения",
    date: "16.03.2022",
  },
  {
    base: "ООШ № 7",
    topic:
      "Особенности работы с детьми, имеющими особые образовательные потребности, как фактор повышения качества образования",
    date: "март 2022 года",
  },
  {
    base: "Лицей № 1",
    topic: "Неделя методического мастерства",
    date: "апрель 2022 г.",
  },
  {
    base: "СОШ № 20",
    topic: "Перевод школы с низкими образовательными результатами в режим эффективного функционирования и развития",
    date: "13.04.2022",
  },
];
