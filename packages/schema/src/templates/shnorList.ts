import { defineTemplate } from "../template.ts";

/**
 * Список ШНОР по годам (DOMAIN §8, seed 003): computed from the school
 * registry's statuses per year, never retyped; the text around it is written.
 */
export const shnorList = defineTemplate({
  id: "shnor-list",
  version: 1,
  domainNumber: 8,
  title: "Список ШНОР по годам",
  scope: "municipality",
  sections: [{ id: "comment", title: "Комментарий", hint: "Пояснения к списку: основания, изменения по годам." }],
  tables: [],
  views: [{ id: "statuses", title: "Статусы школ по годам", source: "schoolStatusesByYear" }],
});
