import { defineTemplate } from "../template.ts";

/**
 * Аналитическая справка (DOMAIN §10): text with live figures computed from
 * the registry and the documents (число ШНОР, доля ШНОР в территории, доля
 * педагогов с дефицитами уровней A+B), updating as the data changes.
 */
export const analyticReport = defineTemplate({
  id: "analytic-report",
  version: 1,
  domainNumber: 10,
  title: "Аналитическая справка",
  scope: "municipality",
  sections: [{ id: "body", title: "Текст справки" }],
  tables: [],
});
