import { defineTemplate } from "../template.ts";

/** План семинаров (DOMAIN §6, seed 002 row 9): which school hosts which seminar, when. */
export const seminarPlan = defineTemplate({
  id: "seminar-plan",
  version: 1,
  domainNumber: 6,
  title: "План семинаров",
  scope: "municipality",
  sections: [],
  tables: [
    {
      id: "seminars",
      title: "Семинары",
      columns: [
        { id: "n", title: "№", type: { kind: "rowNumber" }, width: 60 },
        { id: "base", title: "База (школа)", type: { kind: "text" }, width: 200, required: true },
        { id: "topic", title: "Тема", type: { kind: "longText" }, width: 480, required: true },
        { id: "date", title: "Дата", type: { kind: "period", expectsDate: true }, width: 160 },
      ],
    },
  ],
});
