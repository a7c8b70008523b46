import { defineTemplate } from "../template.ts";

/** Статус мероприятия антирисковой программы, in the order of its life. */
export const MEASURE_STATUSES = ["запланировано", "в работе", "выполнено", "не выполнено", "перенесено"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/**
 * The title of the programme of one risk factor: the server gives it and
 * finds the factor's programme by it (a second «Создать» opens the first).
 */
export function riskProgrammeTitle(factor: string): string {
  return `Антирисковая программа «${factor}»`;
}

/**
 * Антирисковая программа (DOMAIN §4): one per risk factor the school chose:
 * its header block (five short texts) and its measures table.
 * Version 2 added the header sections.
 */
export const antiRiskProgramme = defineTemplate({
  id: "anti-risk-programme",
  version: 2,
  domainNumber: 4,
  title: "Антирисковая программа",
  scope: "school",
  sections: [
    { id: "goal", title: "Цель" },
    { id: "tasks", title: "Задачи" },
    { id: "targets", title: "Целевые показатели" },
    { id: "methods", title: "Методы сбора и обработки информации" },
    { id: "timeline", title: "Сроки реализации" },
  ],
  tables: [
    {
      id: "measures",
      title: "Мероприятия",
      columns: [
        { id: "n", title: "№", type: { kind: "rowNumber" }, width: 60 },
        { id: "task", title: "Задача", type: { kind: "longText" }, width: 220 },
        { id: "measure", title: "Мероприятие", type: { kind: "longText" }, width: 300, required: true },
        { id: "period", title: "Сроки", type: { kind: "period" }, width: 170 },
        { id: "responsible", title: "Ответственные", type: { kind: "people" }, width: 200 },
        { id: "participants", title: "Участники", type: { kind: "text" }, width: 180 },
        {
          id: "indicator",
          title: "Показатель / ожидаемый результат",
          type: { kind: "longText" },
          width: 240,
        },
        {
          id: "evidence",
          title: "Подтверждающий документ",
          type: { kind: "text" },
          width: 200,
          evidence: true,
        },
        {
          id: "status",
          title: "Статус",
          type: { kind: "enum", options: MEASURE_STATUSES },
          width: 150,
        },
        { id: "doneNote", title: "Отметка о выполнении", type: { kind: "text" }, width: 200 },
      ],
    },
  ],
});
