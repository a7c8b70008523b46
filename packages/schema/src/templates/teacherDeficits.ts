import type { ColumnTemplate } from "../template.ts";
import { defineTemplate } from "../template.ts";

const LEVELS = [
  { id: "a", title: "Уровень A (системные)" },
  { id: "b", title: "Уровень B (локальные)" },
  { id: "c", title: "Уровень C (несущественные)" },
  { id: "d", title: "Уровень D (нет дефицитов)" },
] as const;

const count = (id: string, title: string): ColumnTemplate => ({
  id,
  title,
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
        count("teachers", "Численность педагогов"),
        ...LEVELS.map((l) => count(l.id, l.title)),
        ...LEVELS.map(
          (l): ColumnTemplate => ({
            id: `share${l.id.toUpperCase()}`,
            title: `Доля ${l.id.toUpperCase()}, %`,
            type: { kind: "share", part: l.id, whole: "teachers" },
            width: 100,
          }),
        ),
      ],
      totals: { label: "Итого", labelColumn: "subject", sum: ["teachers", "a", "b", "c", "d"] },
      checks: [{ kind: "sumEquals", columns: ["a", "b", "c", "d"], total: "teachers" }],
    },
  ],
});
