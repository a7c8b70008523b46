/**
 * How a person is written in «Ответственные» (DOMAIN "Values that need
 * care"): initials before the surname, then the position —
 * «И.Н. Хняч — директор МКУО ЦОКО».
 */

/** "О.В." or "О." : initials already, as a roadmap writes them. */
const INITIALS = /^(?:\p{Lu}\.)+$/u;

/**
 * "Хняч Ирина Николаевна" → "И.Н. Хняч"; a name known only by initials, as a
 * roadmap names people, too: "Хняч И.Н.", "Хняч И. Н." and "И.Н. Хняч" → "И.Н. Хняч".
 * A single word is left as it is.
 */
export function shortName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const leading = [];
  while (words.length > 1 && INITIALS.test(words[0] as string)) leading.push(words.shift() as string);
  if (leading.length > 0) return `${leading.join("")} ${words.join(" ")}`;
  const [surname, ...given] = words;
  if (!surname || given.length === 0) return fullName.trim();
  const initials = given.map((part) => (INITIALS.test(part) ? part : `${part.charAt(0).toUpperCase()}.`)).join("");
  return `${initials} ${surname}`;
}

export function personLabel(person: { readonly fullName: string; readonly position: string }): string {
  const name = shortName(person.fullName);
  const position = person.position.trim();
  return position ? `${name} — ${position}` : name;
}

/** Several people in one cell, as users separate them. */
export const PEOPLE_SEPARATOR = "; ";

/** Adds a person's label to a cell's text, unless it is there already. */
export function addPersonToCell(cell: string, label: string): string {
  const text = cell.trim();
  if (!text) return label;
  if (text.includes(label)) return text;
  return `${text.replace(/[;.,\s]+$/, "")}${PEOPLE_SEPARATOR}${label}`;
}
