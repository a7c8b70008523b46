/**
 * «План профилактических мероприятий» (DOMAIN §9) of the Северский район: Таблица 1 of
 * seed 003, the events the ИМЦ held under the municipal roadmaps on preventing school failure.
 *
 * Every cell is verbatim. Where one cell of the seed holds several places or dates (one per
 * line in the original, as far as one can tell), the seed's plain text has them on one line
 * separated by spaces, and so does this module. Two things are joined rather than copied:
 * - The first column is a vertically merged cell in the original: «Реализация
 *   профилактических мероприятий» covers rows 1–8 (the seed's text shows it on row 1 and
 *   leaves rows 2–8 empty); every row here carries the value of its merged cell.
 * - Row 3's place was split by a page break into «МБОУ СОШ №45 МАОУ лицей пгт» and
 *   «Афипского»; it is joined with a space.
 *
 * The seed's spelling of schools here is «МБОУ СОШ №45» (no space after №); the registry's
 * canonical names and these spellings as aliases are in `shnorByYear.ts`.
 */

export interface PreventionPlanRow {
  /** Направление (профилактической работы) */
  readonly direction: string;
  /** Форма (профилактических мероприятий) */
  readonly form: string;
  /** Место проведения */
  readonly place: string;
  /** Дата (проведения), as typed */
  readonly date: string;
}

export const severskPreventionPlanTitle = "Таблица 1";

/** The seed's column titles, verbatim (DOMAIN §9 shortens them to Направление | Форма | …). */
export const severskPreventionPlanHeaders: Readonly<Record<keyof PreventionPlanRow, string>> = {
  direction: "Направления Профилактической работы",
  form: "Формы профилактических мероприятий",
  place: "Место проведения",
  date: "Дата проведения",
};

const implementation = "Реализация профилактических мероприятий";
const methodCentre = "МКУ МО Северский район «ИМЦ»";

/** The nine rows of Таблица 1, in order. */
export const severskPreventionPlanRows: readonly PreventionPlanRow[] = [
  {
    direction: implementation,
    form: "Заседание рабочей группы",
    place: "МБОУ СОШ №43",
    date: "Декабрь 2023г. Ноябрь 2024г.",
  },
  {
    direction: implementation,
    form: "Методический десант",
    place: "МБОУ ООШ №8 МБОУ СОШ №6 МБОУ СОШ №21 МБОУ СОШ №27 МБОУ СОШ №7",
    date: "Март 2024г.",
  },
  {
    direction: implementation,
    form: "Тематические семинары",
    place: "МБОУ СОШ №45 МАОУ лицей пгт Афипского",
    date: "Февраль 2024 г. Апрель 2024г. Апрель 2023г.",
  },
  {
    direction: implementation,
    form: "Совещание",
    place: "МБОУ СОШ №45",
    date: "Март 2024г. Октябрь 2024г.",
  },
  {
    direction: implementation,
    form: "Стажировка",
    place: "МБОУ СОШ №6",
    date: "Апрель 2024г.",
  },
  {
    direction: implementation,
    form: "Консультирование",
    place: methodCentre,
    date: "В течение года",
  },
  {
    direction: implementation,
    form: "Разработка ИОМ",
    place: methodCentre,
    date: "В течение года",
  },
  {
    direction: implementation,
    form: "Участие в конкурсах профессионального мастерства",
    place: methodCentre,
    date: "В течение года",
  },
  {
    direction: "Оценка эффективности профилактики. Корректировка дальнейшей работы",
    form: "Аудит Мониторинг Отчет Контрольные собеседования",
    place: methodCentre,
    date: "Сентябрь 2024г.",
  },
];
