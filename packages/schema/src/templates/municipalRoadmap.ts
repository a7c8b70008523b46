import { defineTemplate } from "../template.ts";

/**
 * Дорожная карта по методическому сопровождению ШНОР (DOMAIN §5, seed 002):
 * the order's preamble and the municipality's yearly table of measures.
 * Version 2 added the preamble.
 */
export const municipalRoadmap = defineTemplate({
  id: "municipal-roadmap",
  version: 2,
  domainNumber: 5,
  title: "Дорожная карта по методическому сопровождению ШНОР",
  scope: "municipality",
  sections: [
    {
      id: "preamble",
      title: "Преамбула приказа",
      hint: "Номер и дата приказа, цели, задачи и основания дорожной карты.",
    },
  ],
  tables: [
    {
      id: "measures",
      title: "Содержание работы по методическому сопровождению",
      columns: [
        { id: "n", title: "№", type: { kind: "rowNumber" }, width: 60 },
        {
          id: "measure",
          title: "Показатели (мероприятие)",
          type: { kind: "longText" },
          width: 420,
          required: true,
        },
        { id: "document", title: "Документ", type: { kind: "longText" }, width: 220 },
        { id: "period", title: "Сроки и периодичность", type: { kind: "period" }, width: 200 },
        {
          id: "responsible",
          title: "Ответственные за сбор и обработку информации",
          type: { kind: "people" },
          width: 320,
        },
      ],
    },
  ],
});
