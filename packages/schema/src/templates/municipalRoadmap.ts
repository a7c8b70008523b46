import { defineTemplate } from "../template.ts";
import { MEASURE_STATUSES } from "./antiRiskProgramme.ts";

/**
 * Дорожная карта по методическому сопровождению ШНОР (DOMAIN §5, seed 002):
 * the order's preamble and the municipality's yearly table of measures.
 * Version 2 added the preamble, version 3 the «Статус» of each measure, so the
 * municipality tracks its own roadmap as schools track their programmes (not
 * printed: the order's form has no such column). Column titles are the seed's, verbatim.
 */
export const municipalRoadmap = defineTemplate({
  id: "municipal-roadmap",
  version: 3,
  domainNumber: 5,
  title: "Дорожная карта по методическому сопровождению ШНОР",
  scope: "municipality",
  printedTitle:
    "Дорожная карта по методическому сопровождению системы работы со школами с низкими образовательными результатами и школами, функционирующими в сложных социальных условиях, на {year} год",
  sections: [
    {
      id: "preamble",
      title: "Преамбула приказа",
      hint: "Цели, задачи, документы-основания и обоснование целей дорожной карты, каждый пункт с номером.",
      titleInPrint: false,
    },
  ],
  tables: [
    {
      id: "measures",
      title:
        "Содержание работы по методическому сопровождению школ с низкими образовательными результатами и школ, функционирующих в сложных социальных условиях",
      columns: [
        { id: "n", title: "№", type: { kind: "rowNumber" }, width: 60 },
        {
          id: "measure",
          title: "Показатели",
          type: { kind: "longText" },
          width: 420,
          required: true,
        },
        { id: "document", title: "Документ", type: { kind: "longText" }, width: 220 },
        {
          id: "period",
          title: "Сроки и периодичность проведения мероприятий",
          type: { kind: "period" },
          width: 200,
        },
        {
          id: "responsible",
          title: "Ответственные за сбор и обработку информации",
          type: { kind: "people" },
          width: 320,
        },
        {
          id: "status",
          title: "Статус",
          type: { kind: "enum", options: MEASURE_STATUSES },
          width: 150,
          inPrint: false,
        },
      ],
    },
  ],
});
