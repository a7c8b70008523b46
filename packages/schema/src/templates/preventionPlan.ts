import { defineTemplate } from "../template.ts";

/** План профилактических мероприятий (DOMAIN §9, seed 003 Таблица 1). */
export const preventionPlan = defineTemplate({
  id: "prevention-plan",
  version: 1,
  domainNumber: 9,
  title: "План профилактических мероприятий",
  scope: "municipality",
  sections: [],
  tables: [
    {
      id: "events",
      title: "Мероприятия",
      columns: [
        { id: "n", title: "№", type: { kind: "rowNumber" }, width: 60 },
        { id: "direction", title: "Направление", type: { kind: "longText" }, width: 260, required: true },
        { id: "form", title: "Форма", type: { kind: "longText" }, width: 260 },
        { id: "place", title: "Место проведения", type: { kind: "text" }, width: 200 },
        { id: "date", title: "Дата", type: { kind: "period", expectsDate: true }, width: 160 },
      ],
    },
  ],
});
