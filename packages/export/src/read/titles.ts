/**
 * Column titles as people retype them: compared without case, with ё as е,
 * Latin letters that look Cyrillic as Cyrillic (the form itself mixes them:
 * «уровень А» with a Cyrillic А, «Уровень A» with a Latin one), spaces and
 * line breaks collapsed.
 */

const LOOKALIKES: Readonly<Record<string, string>> = {
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Х",
  a: "а",
  c: "с",
  e: "е",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
};

export function normaliseTitle(text: string): string {
  return text
    .replace(/[ABCEHKMOPTXaceopxy]/g, (ch) => LOOKALIKES[ch] ?? ch)
    .toLocaleLowerCase("ru")
    .replaceAll("ё", "е")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
}

/** Whether one title begins with the other as whole words: an older or a longer wording of the same column. */
export function titlesOverlap(a: string, b: string): boolean {
  if (a === "" || b === "") return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && /^[\s,.:;(]/.test(long.slice(short.length));
}

/** «A», «B», … «Z», «AA»: the spreadsheet's letter of a column (0-based index). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
