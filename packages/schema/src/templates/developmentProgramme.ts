import { defineTemplate } from "../template.ts";

/**
 * Среднесрочная программа развития (DOMAIN §3): the text, then the table of
 * tasks with their indicators (base and target values) and measures.
 */
export const developmentProgramme = defineTemplate({
  id: "development-programme",
  version: 1,
  domainNumber: 3,
  title: "Среднесрочная программа развития",
  scope: "school",
  sections: [{ id: "text", title: "Программа", hint: "Паспорт программы, цели и критерии, согласованные командой." }],
  tables: [
    {
      id: "tasks",
      title: "Задачи и показатели",
      columns: [
        { id: "n", title: "№", type: { kind: "rowNumber" }, width: 60 },
        { id: "task", title: "Задача", type: { kind: "longText" }, width: 240, required: true },
        { id: "indicator", title: "Показатель", type: { kind: "longText" }, width: 220 },
        { id: "baseValue", title: "Базовое значение", type: { kind: "text" }, width: 130 },
        { id: "targetValue", title: "Целевое значение", type: { kind: "text" }, width: 130 },
        { id: "measures", title: "Мероприятия", type: { kind: "longText" }, width: 300 },
        { id: "period", title: "Сроки", type: { kind: "period" }, width: 170 },
        { id: "responsible", title: "Ответственные", type: { kind: "people" }, width: 220 },
        { id: "result", title: "Ожидаемый результат", type: { kind: "longText" }, width: 240 },
      ],
    },
  ],
});
