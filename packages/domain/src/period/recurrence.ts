import type { RecurrenceUnit } from "./types.ts";

/**
 * How often a measure recurs, from the words: «ежемесячно», «каждую неделю», «по пятницам»,
 * «не позднее 25 числа каждого месяца», «по итогам каждой учебной четверти и учебного года»,
 * «не реже 1 раза в четверть», «2 раза в течение учебного года». When several periods are named
 * («по итогам полугодия и учебного года») the most frequent one wins: its deadlines include
 * the others'.
 */
export interface Recurrence {
  readonly every: RecurrenceUnit;
  /** Only when the text says more than once. */
  readonly timesPer?: number;
}

const UNIT_WORD =
  "(?:(?:кажд[а-я]*|учебн[а-я]*|календарн[а-я]*)\\s+)*(недел|месяц|квартал|четверт|полугоди|год)[а-я]*(?![а-я])";
const COUNT_WORDS: Record<string, number> = { од: 1, дв: 2, тр: 3, че: 4, пя: 5, ше: 6 };
const ADVERB = new RegExp(`(?<![а-я])(дважды|трижды|четырежды)\\s+(?:в|за)\\s+(?:течение\\s+)?${UNIT_WORD}`);
const COUNT =
  "(?<![а-я\\d])(?:(\\d{1,2})|(один|одного|одну|два|две|двух|три|трех|четыре|четырех|пять|пяти|шесть|шести)\\s+)?" +
  `\\s*раз(?:а)?(?![а-я])\\s+(?:в|за)\\s+(?:течение\\s+)?${UNIT_WORD}`;

const UNITS: Record<string, RecurrenceUnit> = {
  недел: "week",
  месяц: "month",
  квартал: "quarter",
  четверт: "term",
  полугоди: "halfYear",
  год: "year",
};

const AFTER = "(?:по (?:итогам|окончании|завершении|результатам)|после)\\s+(?:кажд[а-я]*\\s+)?";
const KEYWORDS: readonly (readonly [RegExp, RecurrenceUnit])[] = [
  [/еженедельн|кажд[а-я]*\s+недел/, "week"],
  [/(?:кажд[а-я]*|по)\s+(?:понедельник|вторник|сред|четверг|пятниц|суббот)/, "week"],
  [/ежемесячн|помесячн|кажд[а-я]*\s+месяц/, "month"],
  [
    new RegExp(
      `кажд[а-я]*\\s+(?:учебн[а-я]*\\s+)?четверт|${AFTER}(?:учебн[а-я]*\\s+)?четверт|в конце\\s+(?:учебн[а-я]*\\s+)?четверт|по четвертям`,
    ),
    "term",
  ],
  [new RegExp(`ежеквартальн|поквартальн|кажд[а-я]*\\s+квартал|${AFTER}квартал`), "quarter"],
  [new RegExp(`ежеполугодн|кажд[а-я]*\\s+полугоди|${AFTER}(?:учебн[а-я]*\\s+)?полугоди|по полугодиям`), "halfYear"],
  // «по итогам учебного года» alone is one deadline (the end of that year), not a recurrence.
  [/ежегодн|кажд[а-я]*\s+(?:учебн[а-я]*\s+|календарн[а-я]*\s+)?год/, "year"],
];

export function findRecurrence(text: string): Recurrence | null {
  const count = new RegExp(COUNT).exec(text);
  if (count) {
    const every = UNITS[count[3] ?? ""];
    const times = count[1] ? Number(count[1]) : count[2] ? (COUNT_WORDS[count[2].slice(0, 2)] ?? 1) : 1;
    if (every && times >= 1) return times > 1 ? { every, timesPer: times } : { every };
  }
  const adverb = ADVERB.exec(text);
  const adverbUnit = UNITS[adverb?.[2] ?? ""];
  if (adverb && adverbUnit) return { every: adverbUnit, timesPer: COUNT_WORDS[adverb[1]?.slice(0, 2) ?? ""] ?? 2 };
  for (const [pattern, every] of KEYWORDS) if (pattern.test(text)) return { every };
  return null;
}
