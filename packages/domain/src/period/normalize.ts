/**
 * The text as the parser reads it: lower case, «ё» → «е», every dash → «-», quotes and brackets
 * dropped, «г.», «года», «гг.» after a year dropped («2022г.» → «2022»), spaces collapsed, no
 * trailing punctuation.
 */
export function normalizePeriodText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\u00a0\u2007\u202f\t\r\n]/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[«»"“”„()[\]]/g, " ")
    .replace(/(\d{4})\s*(?:гг|г\.\s*г|годы|годов|годах|года|году|годом|год|г)\.?(?![а-я])/g, "$1")
    .replace(/\s+/g, " ")
    .replace(/[\s.,;:!?-]+$/, "")
    .replace(/^[\s.,;:!?-]+/, "")
    .trim();
}

/** The text as typed, tidied for display as an event: spaces collapsed, no trailing punctuation. */
export function tidyText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/[\s.,;:!?]+$/, "")
    .trim();
}
