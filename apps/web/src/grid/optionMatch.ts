import { messages } from "../messages.ts";

/** The combining diaeresis: «ё» is «е» with it once decomposed (NFD). */
const DIAERESIS = /\u0308/g;

/** Lower case, «ё» read as «е»: how a person expects typed letters to compare. */
function normalise(text: string): string {
  return text.toLocaleLowerCase("ru-RU").normalize("NFD").replace(DIAERESIS, "").normalize("NFC");
}

/** The same keys pressed in the Russian layout: "cht" → «сре». */
export function fromLatinLayout(text: string): string {
  const { latinKeys, russianKeys } = messages.grid;
  return Array.from(text.toLocaleLowerCase("en-US"), (ch) => {
    const at = latinKeys.indexOf(ch);
    return at < 0 ? ch : (russianKeys[at] ?? ch);
  }).join("");
}

/**
 * The first option of a list cell that begins with what was typed, ignoring
 * case and ё/е; when none does, the same keys read in the Russian layout
 * (a person who forgot to switch the layout). Undefined when nothing matches.
 */
export function matchOption(options: readonly string[], typed: string): string | undefined {
  if (typed.trim() === "") return undefined;
  const starting = (prefix: string) => options.find((option) => normalise(option).startsWith(prefix));
  const prefix = normalise(typed);
  return starting(prefix) ?? starting(normalise(fromLatinLayout(typed)));
}
