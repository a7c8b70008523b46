import type { DirectoryEntry } from "@karta/schema";

/** How many matches the picker lists at once: more is a sign to type another letter. */
export const PICKER_LIMIT = 8;

/** Lower case, ё as е: «Ёлкин» is found by «елк». */
function fold(text: string): string {
  return text
    .toLocaleLowerCase("ru")
    .replace(/\u0451/g, "\u0435")
    .trim();
}

/**
 * The people of the directory matching what was typed, best first: surname
 * starting with it, then a first name or patronymic starting with it, then
 * the position or organisation containing it. People already in the cell
 * (their label is in its text) are left out. An empty query lists everyone.
 */
export function filterPeople(
  people: readonly DirectoryEntry[],
  query: string,
  cellText = "",
  limit = PICKER_LIMIT,
): DirectoryEntry[] {
  const q = fold(query);
  const ranked: { person: DirectoryEntry; rank: number }[] = [];
  for (const person of people) {
    if (cellText.includes(person.label)) continue;
    const [surname = "", ...given] = fold(person.fullName).split(/\s+/);
    let rank: number | null = null;
    if (q === "" || surname.startsWith(q)) rank = 0;
    else if (given.some((word) => word.startsWith(q))) rank = 1;
    else if (fold(`${person.position} ${person.organisationName}`).includes(q)) rank = 2;
    if (rank !== null) ranked.push({ person, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.person.fullName.localeCompare(b.person.fullName, "ru"));
  return ranked.slice(0, limit).map((r) => r.person);
}
