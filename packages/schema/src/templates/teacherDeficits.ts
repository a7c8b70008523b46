import type { ColumnTemplate } from "../template.ts";
import { defineTemplate } from "../template.ts";

/**
 * The four levels with the seed's own words (Cyrillic А, В, С and a Latin D,
 * «(уровеньВ)» without its space: verbatim), which exports print; the grid
 * shows the short titles.
 */
const LEVELS = [
  {
    id: "a",
    title: "Уровень A (системные)",
    count: "наличие системных дефицитов, требующих устранения (уровень А)",
    share: "Доля педагогов с системными дефицитами (уровень А)",
  },
  {
    id: "b",
    title: "Уровень B (локальные)",
    count: "наличие локальных дефицитов, рекомендуемых к устранению (уровень В)",
    share: "Доля педагогов с локальными дефицитами (уровеньВ)",
  },
  {
    id: "c",
    title: "Уровень C (несущественные)",
    count: "наличие несущественных  дефицитов, восполняемых по желанию педагога (уровень С)",
    share: "Доля педагогов с несущественными дефицитами (уровень С)",
  },
  {
    id: "d",
    title: "Уровень D (нет дефицитов)",
    count: "отсутствие дефицитов (уровень D)",
    share: "Доля педагогов без предметных дефицитов (уровень D)",
  },
] as const;

const count = (id: string, title: string, officialTitle: string): ColumnTemplate => ({
  id,
  title,
  officialTitle,
  type: { kind: "number", integer: true, min: 0, max: 100_000 },
  // Room for «(несущественные)» on one line of the header.
  width: 140,
  required: true,
});

/**
 * Мониторинг предметных дефицитов педагогов (DOMAIN §7, seed 004): counts
 * per subject are typed; the shares and the total row are computed, and
 * A+B+C+D must equal the number of teachers.
 */
export const teacherDeficits = defineTemplate({
  id: "teacher-deficits",
  version: 1,
  domainNumber: 7,
  title: "Мониторинг предметных дефицитов педагогов",
  scope: "municipality",
  sections: [],
  tables: [
    {
      id: "subjects",
      title: "Дефициты по предметам",
      columns: [
        { id: "subject", title: "Предмет", type: { kind: "text" }, width: 200, required: true },
        count("teachers", "Численность педагогов", "Численность педагогов, преподающих предмет"),
        ...LEVELS.map((l) => count(l.id, l.title, l.count)),
        ...LEVELS.map(
          (l): ColumnTemplate => ({
            id: `share${l.id.toUpperCase()}`,
            title: `Доля ${l.id.toUpperCase()}, %`,
            officialTitle: l.share,
            type: { kind: "share", part: l.id, whole: "teachers" },
            width: 100,
          }),
        ),
      ],
      totals: { label: "Всего:", labelColumn: "subject", sum: ["teachers", "a", "b", "c", "d"] },
      checks: [{ kind: "sumEquals", columns: ["a", "b", "c", "d"], total: "teachers" }],
    },
  ],
});
