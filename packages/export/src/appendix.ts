import type { ExportDocument, ExportOrder } from "./model.ts";

/**
 * The words of an order's appendix (seed 002): the block top right, whose
 * order it is, and the file a download is saved as.
 */

/** ISO yyyy-mm-dd as ДД.ММ.ГГГГ; anything else as it is. */
export function russianDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** «от 21.01.2022 № 156», or blanks to fill by hand while there is no order. */
export function orderLine(order: ExportOrder | null): string {
  return order ? `от ${russianDate(order.date)} № ${order.number}` : "от ______ № ____";
}

/** The block top right, line by line: «Приложение», «к приказу <authority>», «от … № …». */
export function appendixLines(document: Pick<ExportDocument, "authority" | "order">): [string, string, string] {
  return ["Приложение", `к приказу ${document.authority}`.trim(), orderLine(document.order)];
}

/**
 * Whose order a document of this organisation is the appendix of: a
 * municipality's documents are approved by the head of its education
 * department («начальника управления образования администрации
 * муниципального образования Славянский район», seed 002), a school's by its
 * director («директора МБОУ СОШ № 5»).
 */
export function appendixAuthority(organisation: { readonly kind: string; readonly name: string }): string {
  const name = organisation.name.trim();
  if (organisation.kind === "school") return `директора ${name}`;
  return `начальника управления образования администрации муниципального образования ${name}`;
}

const MAX_NAME_LENGTH = 120;

/**
 * A file name for a download: the title with the year (unless the title says
 * it already), letters, digits, spaces and `-_.,()` only («№» becomes «N»),
 * at most 120 characters before the extension.
 */
export function exportFileName(title: string, year: number | null, extension: string): string {
  let base = title
    .replaceAll("№", "N")
    .replace(/[^\p{L}\p{N} ._,()-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, "");
  if (year !== null && !base.includes(String(year))) base = `${base} ${year}`.trim();
  if (base.length > MAX_NAME_LENGTH) base = base.slice(0, MAX_NAME_LENGTH).trim();
  return `${base || "document"}.${extension}`;
}

const LATIN: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

/** The same name in ASCII (transliterated), for `filename="…"` of clients that do not read `filename*`. */
export function asciiFileName(name: string): string {
  let out = "";
  for (const char of name) {
    const lower = char.toLowerCase();
    const latin = LATIN[lower];
    if (latin !== undefined) out += char === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
    else out += /[A-Za-z0-9 ._,()-]/.test(char) ? char : "_";
  }
  return out;
}

/** `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded>` (RFC 6266, RFC 8187). */
export function contentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encoded}`;
}
