import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type FoldStorage, readFolds, saveFold, sectionSummary, startsFolded } from "./sectionFolds.ts";

function memoryStorage(): FoldStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

/** A section fragment made of the given blocks: [nodeName, text] pairs, or a bare node name. */
function fragmentOf(...blocks: ([string, string] | string)[]): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment("section:s");
  fragment.insert(
    0,
    blocks.map((block) => {
      const [name, text] = typeof block === "string" ? [block, undefined] : block;
      const element = new Y.XmlElement(name);
      if (text !== undefined) element.insert(0, [new Y.XmlText(text)]);
      return element;
    }),
  );
  return fragment;
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

describe("sectionSummary", () => {
  it("reads an empty section, or one of blank paragraphs, as empty", () => {
    expect(sectionSummary(fragmentOf())).toEqual({ text: "", hasContent: false });
    expect(sectionSummary(fragmentOf("paragraph", ["paragraph", "  "]))).toEqual({ text: "", hasContent: false });
  });

  it("joins the text of its blocks in one line", () => {
    const fragment = fragmentOf(["heading", "Цель"], ["paragraph", "Повысить  учебную\nмотивацию."]);
    expect(sectionSummary(fragment)).toEqual({ text: "Цель Повысить учебную мотивацию.", hasContent: true });
  });

  it("counts a table or a live figure as content even without text", () => {
    expect(sectionSummary(fragmentOf("table")).hasContent).toBe(true);
    const withFigure = fragmentOf("paragraph");
    (withFigure.get(0) as Y.XmlElement).insert(0, [new Y.XmlElement("liveFigure")]);
    expect(sectionSummary(withFigure)).toEqual({ text: "", hasContent: true });
  });
});
