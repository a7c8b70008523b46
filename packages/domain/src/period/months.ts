/**
 * Russian month names in every case («январь», «января», «январе», «январём»…) and the usual
 * abbreviations («янв.», «сент.»), matched in normalized (lower-case, «ё» → «е») text.
 */

/** A regex source that captures one month word as group 1 (must not be preceded by a letter). */
export const MONTH_SOURCE =
  "(?<![а-я])(январ[а-я]*|феврал[а-я]*|март[а-я]*|апрел[а-я]*|ма[йяею]м?|июн[а-я]*|июл[а-я]*|август[а-я]*|" +
  "сентябр[а-я]*|октябр[а-я]*|ноябр[а-я]*|декабр[а-я]*|янв\\.?|февр?\\.?|мар\\.|апр\\.?|авг\\.?|сент?\\.?|" +
  "окт\\.?|нояб?\\.?|дек\\.?)(?![а-я])";

const PREFIXES: readonly [string, number][] = [
  ["янв", 1],
  ["фев", 2],
  ["мар", 3],
  ["апр", 4],
  ["ма", 5],
  ["июн", 6],
  ["июл", 7],
  ["авг", 8],
  ["сен", 9],
  ["окт", 10],
  ["ноя", 11],
  ["дек", 12],
];

/** The month number (1–12) of a word matched by MONTH_SOURCE. */
export function monthNumber(word: string): number {
  for (const [prefix, month] of PREFIXES) if (word.startsWith(prefix)) return month;
  throw new Error(`not a month: ${word}`);
}

/** Seasons as month spans; winter runs from December into the next year's February. */
export const SEASON_SOURCE =
  "(?<![а-я])(весн[а-я]*|летом|лето|летн[а-я]*|осен[а-я]*|зим[а-я]*)(?![а-я])(?:\\s+период[а-я]*)?";

export function seasonMonths(word: string): { first: number; last: number } {
  if (word.startsWith("весн")) return { first: 3, last: 5 };
  if (word.startsWith("лет")) return { first: 6, last: 8 };
  if (word.startsWith("осен")) return { first: 9, last: 11 };
  return { first: 12, last: 2 };
}
