/**
 * How a person is written in «Ответственные» (DOMAIN "Values that need
 * care"): initials before the surname, then the position —
 * «И.Н. Хняч — директор МКУО ЦОКО».
 */

/** "Хняч Ирина Николаевна" → "И.Н. Хняч"; a single word is left as it is. */
export function shortName(fullName: string): string {
  const [surname, ...given] = fullName.trim().split(/\s+/);
  if (!surname || given.length === 0) return fullName.trim();
  const initials = given.map((part) => `${part.charAt(0).toUpperCase()}.`).join("");
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
