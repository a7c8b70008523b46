import { defineTemplate } from "../template.ts";

/** Концепция программы развития (DOMAIN §2): text only, written by the school team together. */
export const developmentConcept = defineTemplate({
  id: "development-concept",
  version: 1,
  domainNumber: 2,
  title: "Концепция программы развития",
  scope: "school",
  sections: [
    { id: "analysis", title: "Анализ", hint: "Анализ текущего состояния школы и её образовательных результатов." },
    { id: "goal", title: "Цель" },
    { id: "tasks", title: "Задачи" },
    { id: "results", title: "Ожидаемые результаты" },
  ],
  tables: [],
});
