import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { sectionSummary } from "./sectionSummary.ts";

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
