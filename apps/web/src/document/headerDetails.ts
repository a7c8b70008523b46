import { messages } from "../messages.ts";

/** What is known of a document for its header: any part may still be loading. */
export interface HeaderFacts {
  readonly title: string;
  readonly organisation?: string;
  readonly templateTitle?: string;
  readonly year?: number;
}

/**
 * The details under a document's title, in the page's header and in the first
 * screen drawn before it: organisation, template and year, whatever is known;
 * the template is left out when the title already says it («Дорожная карта …
 * на 2022 год»). Plain text only: the entry module draws it without React.
 */
export function headerDetails({ title, organisation, templateTitle, year }: HeaderFacts): string[] {
  return [
    organisation,
    templateTitle !== undefined && !title.startsWith(templateTitle) ? templateTitle : undefined,
    year !== undefined ? messages.documents.year(year) : undefined,
  ].filter((detail): detail is string => Boolean(detail));
}
