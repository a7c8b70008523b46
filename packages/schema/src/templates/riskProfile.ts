import { defineTemplate } from "../template.ts";

/** The 10 standard risk factors of «500+», in the official order (DOMAIN §1). */
export const RISK_FACTORS = [
  "Низкий уровень оснащения школы",
  "Дефицит педагогических кадров",
  "Недостаточная предметная и методическая компетентность педагогических работников",
  "Высокая доля обучающихся с ОВЗ",
  "Низкое качество преодоления языковых и культурных барьеров",
  "Низкая учебная мотивация обучающихся",
  "Пониженный уровень школьного благополучия",
  "Низкий уровень дисциплины в классе",
  "Высокая доля обучающихся с рисками учебной неуспешности",
  "Низкий уровень вовлеченности родителей",
] as const;

export const SIGNIFICANCE_LEVELS = ["высокая", "средняя", "низкая"] as const;

/**
 * Рисковый профиль и самодиагностика (DOMAIN §1): one row per standard
 * factor. A factor marked «выбран для антирисковой программы» gets its own
 * anti-risk programme.
 */
export const riskProfile = defineTemplate({
  id: "risk-profile",
  version: 1,
  domainNumber: 1,
  title: "Рисковый профиль и самодиагностика",
  scope: "school",
  sections: [
    {
      id: "selfDiagnosis",
      title: "Результаты самодиагностики",
      hint: "Кратко: как проводилась самодиагностика, кто участвовал, главные выводы.",
    },
  ],
  tables: [
    {
      id: "factors",
      title: "Факторы риска",
      columns: [
        { id: "n", title: "№", type: { kind: "rowNumber" }, width: 60 },
        { id: "factor", title: "Фактор риска", type: { kind: "text" }, width: 380, locked: true },
        { id: "relevant", title: "Актуален", type: { kind: "boolean" }, width: 110, required: true },
        {
          id: "significance",
          title: "Значимость",
          type: { kind: "enum", options: SIGNIFICANCE_LEVELS },
          width: 140,
        },
        { id: "measures", title: "Краткое описание мер", type: { kind: "longText" }, width: 360 },
        { id: "chosen", title: "Выбран для антирисковой программы", type: { kind: "boolean" }, width: 170 },
      ],
      initialRows: RISK_FACTORS.map((factor) => ({ factor })),
    },
  ],
});
