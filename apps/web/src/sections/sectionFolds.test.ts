import { describe, expect, it } from "vitest";
import { type FoldStorage, openingFolds, readFolds, saveFold, startsFolded } from "./sectionFolds.ts";

function memoryStorage(): FoldStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe("fold storage", () => {
  it("remembers each section's fold per document", () => {
    const storage = memoryStorage();
    expect(readFolds("doc-1", storage)).toEqual({});
    saveFold("doc-1", "goal", true, storage);
    saveFold("doc-1", "tasks", false, storage);
    saveFold("doc-2", "goal", false, storage);
    expect(readFolds("doc-1", storage)).toEqual({ goal: true, tasks: false });
    expect(readFolds("doc-2", storage)).toEqual({ goal: false });
    saveFold("doc-1", "goal", false, storage);
    expect(readFolds("doc-1", storage)).toEqual({ goal: false, tasks: false });
  });

  it("reads nothing from a missing, broken or foreign value, and survives no storage at all", () => {
    const storage = memoryStorage();
    storage.items.set("karta.sectionFolds.v1:doc-1", "{not json");
    expect(readFolds("doc-1", storage)).toEqual({});
    storage.items.set("karta.sectionFolds.v1:doc-1", JSON.stringify(["goal"]));
    expect(readFolds("doc-1", storage)).toEqual({});
    storage.items.set("karta.sectionFolds.v1:doc-1", JSON.stringify({ goal: true, tasks: "yes" }));
    expect(readFolds("doc-1", storage)).toEqual({ goal: true });
    expect(readFolds("doc-1", null)).toEqual({});
    expect(() => saveFold("doc-1", "goal", true, null)).not.toThrow();
    const full: FoldStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => saveFold("doc-1", "goal", true, full)).not.toThrow();
  });
});

describe("startsFolded", () => {
  it("folds the sections above a table when they have content or when there are several", () => {
    expect(startsFolded({ hasTable: true, sectionCount: 5, hasContent: false })).toBe(true);
    expect(startsFolded({ hasTable: true, sectionCount: 5, hasContent: true })).toBe(true);
    expect(startsFolded({ hasTable: true, sectionCount: 1, hasContent: true })).toBe(true);
  });

  it("leaves a lone empty section above a table open, and every section of a document without one", () => {
    expect(startsFolded({ hasTable: true, sectionCount: 1, hasContent: false })).toBe(false);
    expect(startsFolded({ hasTable: false, sectionCount: 4, hasContent: true })).toBe(false);
    expect(startsFolded({ hasTable: false, sectionCount: 1, hasContent: true })).toBe(false);
  });
});

describe("openingFolds", () => {
  const sections = (...hasContent: boolean[]) => hasContent.map((has, i) => ({ id: `s${i + 1}`, hasContent: has }));

  it("folds the sections above a table as the page opens them: several, or one with content", () => {
    expect(openingFolds({}, true, sections(true, false, false))).toEqual({ s1: true, s2: true, s3: true });
    expect(openingFolds({}, true, sections(true))).toEqual({ s1: true });
    // A lone empty section stays open: it invites writing.
    expect(openingFolds({}, true, sections(false))).toEqual({ s1: false });
    // A document without a table is its sections: none starts folded.
    expect(openingFolds({}, false, sections(true, true))).toEqual({ s1: false, s2: false });
  });

  it("keeps what the person chose on this device", () => {
    expect(openingFolds({ s1: false }, true, sections(true, false))).toEqual({ s1: false, s2: true });
    expect(openingFolds({ s1: true }, true, sections(false))).toEqual({ s1: true });
  });
});
