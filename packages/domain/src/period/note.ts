import { MONTH_SOURCE } from "./months.ts";

/** Tied to something that has no date of its own: a result, a schedule kept elsewhere, an agreement. */
export const EVENT = new RegExp(
  "(?<![а-я])(?:по итогам|по результатам|после|по окончании|по завершении|по (?:[а-я]+ )?графику|" +
    "по (?:[а-я]+ )?плану|согласно|в соответствии|по согласованию|по запросу|по приказу|по распоряжению|" +
    "по решению|по указанию|по требованию|перед|накануне|в период|в дни|в день|в ходе|во время|в рамках|" +
    "по факту|в сроки|в установленные сроки|по срокам|по мере поступления|по приглашению|при получении|" +
    "по готовности)(?![а-я])",
);

/** Where a clause ends: a line, «;», «,», a bracket, or a full stop before a capital letter. */
const CLAUSE_END = /[\n;,()[\]]|\.\s+(?=[А-ЯЁA-Z])/g;

/** Where the time starts again inside a clause: a date, a year or a month (not «№ 156»). */
const TIME_AGAIN = new RegExp(
  `(?<!№\\s*)(?:\\d{1,2}\\.\\d{1,2}|(?<!\\d)\\d{4}(?!\\d)|\\d{1,2}(?=\\s*(?:-\\s*\\d{1,2}\\s*)?${MONTH_SOURCE}))|${MONTH_SOURCE}`,
);

/** A preposition left dangling once the date after it is cut («согласно графику до …»). */
const DANGLING = /(?:\s+(?:с|со|до|по|от|к|ко|в|во|на|и|или|не позднее|не позже))+$/i;

/** The words of a time expression: what «по итогам …» says when it only names the period again. */
const TIME_WORD =
  "кажд[а-я]*|учебн[а-я]*|календарн[а-я]*|текущ[а-я]*|всего|и|год[а-я]*|четверт[а-я]*|полугоди[а-я]*|" +
  "квартал[а-я]*|месяц[а-я]*|недел[а-я]*|iv|i{1,3}|перв[а-я]*|втор[а-я]*|трет[а-я]*|начал[а-я]*|конц[а-я]*|" +
  "окончани[а-я]*|завершени[а-я]*";
const BARE_EVENT =
  "по итогам|по результатам|после|по окончании|по завершении|согласно|в соответствии(?: с)?|перед|накануне|" +
  "в период|в дни|в день|в ходе|во время|в рамках";
/** «по итогам полугодия и учебного года», «после каждой учебной четверти», «в период»: no continuation. */
const TIME_ONLY = new RegExp(`^(?:${BARE_EVENT})(?:\\s+(?:${TIME_WORD}))*$`);

function tidy(text: string): string {
  let out = text.replace(/\s+/g, " ").trim();
  for (let before = ""; before !== out; ) {
    before = out;
    out = out
      .replace(/[\s.,;:!?«»"-]+$/, "")
      .replace(DANGLING, "")
      .trim();
  }
  return out;
}

/**
 * What a Сроки text says besides its time, as typed (case kept): the part of each clause from an
 * event phrase on («согласно плану работы», «по отдельному графику», «по итогам ВПР»), cut where a
 * date or a month begins again. A phrase that only names the period again («по итогам полугодия
 * и учебного года», «в период с … по …») is no continuation. Undefined when there is none.
 */
export function continuationOf(text: string): string | undefined {
  const lower = text.toLowerCase().replace(/ё/g, "е");
  // Positions are shared with the text: give up on the rare letters whose lower case is longer.
  if (lower.length !== text.length) return undefined;
  const notes: string[] = [];
  let start = 0;
  const ends = [...lower.matchAll(CLAUSE_END)].map((m) => m.index ?? 0);
  for (const end of [...ends, lower.length]) {
    const clause = lower.slice(start, end);
    const event = EVENT.exec(clause);
    if (event) {
      const from = start + event.index;
      const after = lower.slice(from + event[0].length, end);
      const again = TIME_AGAIN.exec(after);
      const to = again ? from + event[0].length + again.index : end;
      const note = tidy(text.slice(from, to));
      if (note && !TIME_ONLY.test(tidy(lower.slice(from, to)))) notes.push(note);
    }
    start = end + 1;
  }
  return notes.length > 0 ? notes.join(", ") : undefined;
}
