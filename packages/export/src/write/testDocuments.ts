import type { ExportDocument, ExportTable } from "../model.ts";

/** Small documents for the writers' tests, shaped as exportModelOf builds them. */

export const roadmapTable: ExportTable = {
  id: "measures",
  title: "Содержание работы по методическому сопровождению",
  columns: [
    { id: "n", title: "№", kind: "rowNumber", width: 60 },
    { id: "measure", title: "Показатели", kind: "text", width: 420 },
    { id: "document", title: "Документ", kind: "text", width: 220 },
    { id: "period", title: "Сроки и периодичность проведения мероприятий", kind: "text", width: 200 },
    { id: "responsible", title: "Ответственные за сбор и обработку информации", kind: "text", width: 320 },
  ],
  rows: [
    [
      1,
      "Разработка и утверждение муниципальной Дорожной карты",
      "Дорожная карта",
      "Январь 2022 г.",
      "О.В. Плесецкая - директор МКУО КМЦ",
    ],
    [2, "Семинары; вебинары «500+»", "Приказ УО\nПлан работы МНЦ", "26.01.2022", null],
  ],
  total: null,
};

export const roadmap: ExportDocument = {
  title: "Дорожная карта по методическому сопровождению ШНОР на 2022 год",
  authority: "начальника управления образования администрации муниципального образования Славянский район",
  order: { number: "156", date: "2022-01-21" },
  sections: [
    {
      id: "preamble",
      title: "Преамбула приказа",
      titleInPrint: false,
      blocks: [
        { kind: "paragraph", runs: [{ text: "1. Цели работы со ШНОР:" }] },
        {
          kind: "list",
          ordered: false,
          items: [
            [{ kind: "paragraph", runs: [{ text: "повышение качества образования;" }] }],
            [{ kind: "paragraph", runs: [{ text: "сетевое взаимодействие", bold: true }] }],
          ],
        },
        { kind: "heading", level: 2, runs: [{ text: "Основания" }] },
        {
          kind: "paragraph",
          runs: [
            { text: "См. " },
            { text: "сайт", href: "https://example.ru" },
            { text: " и " },
            { text: "курсив", italic: true },
          ],
        },
        {
          kind: "table",
          rows: [
            [
              { header: true, blocks: [{ kind: "paragraph", runs: [{ text: "Год" }] }] },
              { header: true, blocks: [{ kind: "paragraph", runs: [{ text: "Школ" }] }] },
            ],
            [
              { header: false, blocks: [{ kind: "paragraph", runs: [{ text: "2022" }] }] },
              { header: false, blocks: [{ kind: "paragraph", runs: [{ text: "10" }] }] },
            ],
          ],
        },
      ],
    },
  ],
  tables: [roadmapTable],
};

export const deficitsTable: ExportTable = {
  id: "subjects",
  title: "Дефициты по предметам",
  columns: [
    { id: "subject", title: "Предмет", kind: "text", width: 200 },
    { id: "teachers", title: "Численность педагогов", kind: "integer", width: 140 },
    { id: "a", title: "наличие системных дефицитов, требующих устранения (уровень А)", kind: "integer", width: 140 },
    { id: "b", title: "Уровень B", kind: "integer", width: 140 },
    { id: "c", title: "Уровень C", kind: "integer", width: 140 },
    { id: "d", title: "Уровень D", kind: "integer", width: 140 },
    { id: "shareA", title: "Доля педагогов с системными дефицитами (уровень А)", kind: "share", width: 100 },
    { id: "when", title: "Дата", kind: "date", width: 100 },
    { id: "mean", title: "Средний стаж", kind: "number", width: 100 },
    { id: "done", title: "Проверено", kind: "boolean", width: 100 },
  ],
  rows: [
    ["химия", 16, 3, 4, 7, 2, 0.188, "2021-10-15", 12.5, true],
    ['=HYPERLINK("http://x")', 32, 6, 14, 11, 1, 0.188, null, null, false],
  ],
  total: ["Всего:", 48, 9, 18, 18, 3, 0.188, null, null, null],
};

export const deficits: ExportDocument = {
  title: "Мониторинг предметных дефицитов педагогов",
  authority: "начальника управления образования администрации муниципального образования Лабинский район",
  order: null,
  sections: [],
  tables: [deficitsTable],
};
