import { MAX_MENTIONS } from "@karta/doc";

/** Someone who may be mentioned: an account id and the full name («Фамилия Имя Отчество»). */
export interface Mentionable {
  readonly id: string;
  readonly fullName: string;
}

/** A mention as it is typed in a comment: «@Фамилия Имя» (the patronymic left out, as people write). */
export function mentionText(person: Pick<Mentionable, "fullName">): string {
  const words = person.fullName.trim().split(/\s+/).slice(0, 2);
  return `@${words.join(" ")}`;
}

/** The longest query after «@» still looked up: a surname and a name. */
const MAX_QUERY_LENGTH = 40;

/**
 * The «@…» being typed at the caret, if any: its start (the «@») and what
 * follows it. «@» counts only at the start of the text or after a space or
 * an opening bracket or quote (not inside an e-mail address), and the query
 * holds at most one space (surname and name) and no line break.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  const previous = at === 0 ? "" : before.charAt(at - 1);
  if (previous !== "" && !/[\s([{«"'„]/.test(previous)) return null;
  const query = before.slice(at + 1);
  if (query.length > MAX_QUERY_LENGTH || /[\n@]/.test(query) || (query.match(/ /g)?.length ?? 0) > 1) return null;
  if (query.startsWith(" ")) return null;
  return { start: at, query };
}

/** Folds case and «ё» so that «семенова» finds «Семёнова». */
function fold(text: string): string {
  return text.toLocaleLowerCase("ru-RU").replaceAll("\u0451", "\u0435");
}

/** The people whose name has every word of the query at the start of one of its words; at most `limit`. */
export function matchPeople<T extends Mentionable>(people: readonly T[], query: string, limit = 8): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return people
    .filter((person) => {
      const names = fold(person.fullName).split(/\s+/);
      return words.every((word) => names.some((name) => name.startsWith(word)));
    })
    .slice(0, limit);
}

/**
 * Puts «@Фамилия Имя » in place of the «@…» typed from `start` to the caret;
 * returns the new text and where the caret goes (after the space).
 */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  person: Pick<Mentionable, "fullName">,
): { text: string; caret: number } {
  const inserted = `${mentionText(person)} `;
  const after = text.slice(caret).replace(/^ /, "");
  return { text: text.slice(0, start) + inserted + after, caret: start + inserted.length };
}

/**
 * The ids of the people picked while writing whose «@Фамилия Имя» is still in
 * the text (one deleted by hand is not mentioned), each once, at most MAX_MENTIONS.
 */
export function mentionedIds(text: string, picked: readonly Mentionable[]): string[] {
  const ids: string[] = [];
  for (const person of picked) {
    if (ids.includes(person.id) || !containsMention(text, mentionText(person))) continue;
    ids.push(person.id);
  }
  return ids.slice(0, MAX_MENTIONS);
}

function containsMention(text: string, mention: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(mention, from);
    if (at < 0) return false;
    const next = text.charAt(at + mention.length);
    // «@Иванова Анна» is not in «@Иванова Анная».
    if (next === "" || !/[\p{L}\p{N}]/u.test(next)) return true;
    from = at + 1;
  }
}

/** A comment's text cut into plain runs and mentions, for showing the mentions highlighted. */
export type TextRun =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "mention"; readonly text: string };

/** Splits `text` at every «@Фамилия Имя» of the given people (the longest first where two overlap). */
export function splitMentions(text: string, people: readonly Pick<Mentionable, "fullName">[]): TextRun[] {
  const mentions = [...new Set(people.map(mentionText))].sort((a, b) => b.length - a.length);
  const runs: TextRun[] = [];
  let plain = "";
  let i = 0;
  while (i < text.length) {
    const found = text.charAt(i) === "@" ? mentions.find((m) => text.startsWith(m, i)) : undefined;
    if (found) {
      if (plain) runs.push({ kind: "text", text: plain });
      plain = "";
      runs.push({ kind: "mention", text: found });
      i += found.length;
    } else {
      plain += text.charAt(i);
      i++;
    }
  }
  if (plain) runs.push({ kind: "text", text: plain });
  return runs;
}
