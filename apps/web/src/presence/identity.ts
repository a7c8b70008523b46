/** How a person appears to colleagues: shared through awareness as `user`. */
export interface UserIdentity {
  readonly name: string;
  readonly color: string;
  readonly initials: string;
}

/** Longest name we show or accept from a peer; longer ones are cut. */
export const MAX_NAME_LENGTH = 60;

/**
 * Colours for people, distinct from each other and dark enough for white
 * initials on them; none is the grid's own blue focus colour.
 */
export const PRESENCE_COLORS = [
  "#d93025",
  "#188038",
  "#e37400",
  "#9334e6",
  "#007b83",
  "#3949ab",
  "#d01884",
  "#795548",
] as const;

/**
 * Up to two letters for an avatar: first letters of the first two words
 * («Белова Наталья Сергеевна» → «БН»), a number kept whole («Группа 42» → «Г42»).
 */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const [first, second] = words;
  if (!first) return "?";
  const head = firstLetter(first);
  if (second === undefined) return head;
  if (/^\d+$/.test(second)) return `${head}${second.slice(0, 3)}`;
  return `${head}${firstLetter(second)}`;
}

function firstLetter(word: string): string {
  return (Array.from(word)[0] ?? "?").toLocaleUpperCase("ru");
}

/** A stable colour for a seed (e.g. a number derived from the account id). */
export function colorFor(seed: number): string {
  const index = Math.abs(Math.trunc(seed)) % PRESENCE_COLORS.length;
  return PRESENCE_COLORS[index] ?? PRESENCE_COLORS[0];
}

export function makeIdentity(name: string, seed: number): UserIdentity {
  const clean = cleanName(name);
  return { name: clean, color: colorFor(seed), initials: initialsOf(clean) };
}

/** How a signed-in person appears to colleagues: their ФИО and a colour of their own, the same on every device. */
export function identityOf(user: { readonly id: string; readonly fullName: string }): UserIdentity {
  return makeIdentity(user.fullName, seedOf(user.id));
}

/** A small stable number for a string (FNV-1a). */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Trims and shortens a typed name; empty stays empty. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, " ").trim().slice(0, MAX_NAME_LENGTH);
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/**
 * Reads a peer's `user` field defensively: awareness state comes from other
 * browsers, and its colour ends up in a style attribute.
 */
export function readPeerIdentity(value: unknown): UserIdentity | null {
  if (typeof value !== "object" || value === null) return null;
  const { name, color, initials } = value as Record<string, unknown>;
  if (typeof name !== "string" || typeof color !== "string" || !HEX_COLOR.test(color)) return null;
  const clean = cleanName(name);
  if (clean === "") return null;
  return {
    name: clean,
    color,
    initials: typeof initials === "string" && initials.length > 0 ? initials.slice(0, 4) : initialsOf(clean),
  };
}
