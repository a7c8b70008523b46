/**
 * Which sections of a document are folded: a person's own view, kept on this
 * device in localStorage under one key per document (`{ sectionId: folded }`).
 * Only sections someone folded or unfolded are stored; the others follow
 * `startsFolded`.
 */
const KEY_PREFIX = "karta.sectionFolds.v1:";

/** The part of `Storage` used here (localStorage in the browser, a fake in tests). */
export interface FoldStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function browserStorage(): FoldStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage disabled: folds last as long as the page.
    return null;
  }
}

export type FoldState = Readonly<Record<string, boolean>>;

/** The folds stored for a document; nothing (or anything unreadable) is no folds. */
export function readFolds(docId: string, storage: FoldStorage | null = browserStorage()): FoldState {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY_PREFIX + docId) ?? "{}");
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, folded]) => typeof folded === "boolean"));
  } catch {
    return {};
  }
}

/** Remembers that a section of a document was folded or unfolded. */
export function saveFold(
  docId: string,
  sectionId: string,
  folded: boolean,
  storage: FoldStorage | null = browserStorage(),
): void {
  try {
    storage?.setItem(KEY_PREFIX + docId, JSON.stringify({ ...readFolds(docId, storage), [sectionId]: folded }));
  } catch {
    // Storage full or disabled: the fold still holds until the page is left.
  }
}

export interface FoldFacts {
  /** The document has a table: the work of most visits is there, and it should be on the first screen. */
  readonly hasTable: boolean;
  /** How many rich-text sections the document has. */
  readonly sectionCount: number;
  /** This section holds something (text, a table, a figure). */
  readonly hasContent: boolean;
}

/**
 * How a section starts when the person has never folded or unfolded it.
 * In a document with a table, the sections are its header: written once,
 * read now and then, while the table is filled in week after week. So there
 * they start folded to one line (title and the beginning of the text) when
 * they have content, and when there are several of them: the five empty
 * sections of an anti-risk programme alone, title and placeholder each, took
 * half a 1440×900 screen and left 1–3 rows of its measures. A lone empty
 * section above a table stays open: it takes two lines and invites writing.
 * Documents without a table are their sections: nothing starts folded there.
 */
export function startsFolded({ hasTable, sectionCount, hasContent }: FoldFacts): boolean {
  return hasTable && (hasContent || sectionCount > 1);
}

/** A section as the opening folds need it: its id and whether it holds anything. */
export interface SectionContent {
  readonly id: string;
  readonly hasContent: boolean;
}

/**
 * The folds a document opens with: the person's stored choice for each
 * section, else `startsFolded`. The page decides them once when it opens
 * (useSectionFolds), and the first screen drawn before it the same way.
 */
export function openingFolds(stored: FoldState, hasTable: boolean, sections: readonly SectionContent[]): FoldState {
  const sectionCount = sections.length;
  return Object.fromEntries(
    sections.map(({ id, hasContent }) => [id, stored[id] ?? startsFolded({ hasTable, sectionCount, hasContent })]),
  );
}
