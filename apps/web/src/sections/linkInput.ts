/**
 * What a person typed as a link's address, as an href: «example.ru/doc»
 * gets https://, mail and phone addresses their scheme; empty means "remove
 * the link" (null). Anything with another scheme (javascript:, data:) is not
 * a link either.
 */
export function linkFromInput(input: string): string | null {
  const text = input.trim();
  if (text === "") return null;
  if (/^(https?:\/\/|mailto:|tel:)/i.test(text)) return text;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^:/]+:\d/.test(text)) return null;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(text)) return `mailto:${text}`;
  if (/^\+?[\d\s()-]{5,}$/.test(text)) return `tel:${text.replace(/[\s()-]/g, "")}`;
  return `https://${text}`;
}
