import * as Y from "yjs";

/**
 * Until the comments model exists (threads of comments, a few levels of maps
 * and arrays of short strings), the comments companion refuses what it will
 * never need: deep nesting (a 20,000-deep chain of maps loaded but broke
 * `toJSON()` for every reader), long strings (3 MB of text was stored), and
 * shared types other than maps and arrays.
 */

/** Levels of maps and arrays below the root: thread → comments → comment → mentions. */
export const MAX_COMMENTS_DEPTH = 4;
/** Longest string value: a long comment is a few thousand characters. */
export const MAX_COMMENTS_STRING_LENGTH = 20_000;

// biome-ignore lint/suspicious/noExplicitAny: Yjs types its shared types by their event type.
type AnyType = Y.AbstractType<any>;

/**
 * The root a changed type lives in, found by walking up at most
 * MAX_COMMENTS_DEPTH levels (so a deep chain costs no more than a shallow one),
 * and its depth below that root; null when it is deeper.
 */
export function commentsRootOf(type: AnyType): { root: AnyType; depth: number } | null {
  let root = type;
  for (let depth = 0; depth <= MAX_COMMENTS_DEPTH; depth++) {
    if (root._item === null) return { root, depth };
    root = root._item.parent as AnyType;
  }
  return null;
}

/** Why what a transaction changed in a type `depth` levels below the root is not a shape comments need, or null. */
export function commentsShapeViolation(type: AnyType, depth: number, keys: Set<string | null>): string | null {
  const values: unknown[] = keys.has(null) && type instanceof Y.Array ? type.toArray() : [];
  if (type instanceof Y.Map) for (const key of keys) if (key !== null && type.has(key)) values.push(type.get(key));
  return valuesViolation(values, depth + 1);
}

/** Walks down (without recursion) everything below the changed values; new subtrees are not "changed" themselves. */
function valuesViolation(values: unknown[], depth: number): string | null {
  const stack = values.map((value) => ({ value, depth }));
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value } = next;
    if (typeof value === "string") {
      if (value.length > MAX_COMMENTS_STRING_LENGTH) return `a string of ${value.length} characters in comments`;
    } else if (value instanceof Y.Map || value instanceof Y.Array) {
      if (next.depth > MAX_COMMENTS_DEPTH) return `comments nested deeper than ${MAX_COMMENTS_DEPTH}`;
      const children = value instanceof Y.Map ? [...value.values()] : value.toArray();
      for (const child of children) stack.push({ value: child, depth: next.depth + 1 });
    } else if (value instanceof Y.AbstractType || value instanceof Y.Doc) {
      return "comments hold a shared type other than a map or an array";
    } else if (typeof value === "object" && value !== null) {
      // A plain JSON value (Yjs stores those whole): the same depth rule.
      if (next.depth > MAX_COMMENTS_DEPTH) return `comments nested deeper than ${MAX_COMMENTS_DEPTH}`;
      const children = Array.isArray(value) ? value : Object.values(value);
      for (const child of children) stack.push({ value: child, depth: next.depth + 1 });
    }
  }
  return null;
}
