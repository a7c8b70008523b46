import { relativePositionSchema, type ThreadView } from "@karta/doc";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { highlightRanges } from "./commentHighlights.ts";
import { textAnchorGone } from "./textAnchorGone.ts";
import { relativePositionJson } from "./textAnchors.ts";

/** A section's fragment with one paragraph of text, as y-prosemirror stores it. */
function section(content: string) {
  const ydoc = new Y.Doc();
  const fragment = ydoc.getXmlFragment("section:goal");
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  fragment.insert(0, [paragraph]);
  paragraph.insert(0, [text]);
  text.insert(0, content);
  return { ydoc, fragment, paragraph, text };
}

/** The anchor of text[from, to) the way textAnchorOf sticks its ends: to the first and the last character. */
function anchorOf(text: Y.XmlText, from: number, to: number) {
  return {
    start: relativePositionJson(Y.createRelativePositionFromTypeIndex(text, from, 0)),
    end: relativePositionJson(Y.createRelativePositionFromTypeIndex(text, to, -1)),
  };
}

describe("text anchors", () => {
  it("store relative positions as plain JSON the comments schema accepts", () => {
    const { text } = section("Повысить учебную мотивацию");
    const { start, end } = anchorOf(text, 9, 16);
    expect(relativePositionSchema.safeParse(start).success).toBe(true);
    expect(relativePositionSchema.safeParse(end).success).toBe(true);
    expect(Object.getPrototypeOf(start.item)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(start))).toEqual(start);
  });

  it("stay attached while text around and inside the phrase changes", () => {
    const { ydoc, text } = section("Повысить учебную мотивацию");
    const anchor = anchorOf(text, 9, 16);
    text.insert(0, "Цель: ");
    text.insert(text.length, " обучающихся");
    text.delete(6 + 9, 2);
    expect(textAnchorGone(ydoc, anchor)).toBe(false);
    const start = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(anchor.start), ydoc);
    const end = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(anchor.end), ydoc);
    expect(text.toString().slice(start?.index, end?.index)).toBe("ебную");
  });

  it("are gone when the phrase is deleted, or its paragraph", () => {
    const one = section("Повысить учебную мотивацию");
    const anchor = anchorOf(one.text, 9, 16);
    one.text.delete(9, 8);
    expect(textAnchorGone(one.ydoc, anchor)).toBe(true);

    const two = section("Повысить учебную мотивацию");
    const whole = anchorOf(two.text, 9, 16);
    two.fragment.delete(0, 1);
    expect(textAnchorGone(two.ydoc, whole)).toBe(true);
  });

  it("are gone on a replica that only receives the deletion", () => {
    const { ydoc, text } = section("Повысить учебную мотивацию");
    const anchor = anchorOf(text, 9, 16);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    const before = Y.encodeStateVector(ydoc);
    text.delete(0, text.length);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc, before));
    expect(textAnchorGone(other, anchor)).toBe(true);
  });
});

const position = { type: { client: 1, clock: 0 } };
function thread(id: string, section: string, status: "open" | "resolved" = "open"): ThreadView {
  return {
    id,
    anchor: { kind: "text", section, start: position, end: position, quote: id },
    createdBy: "a",
    createdAt: 1,
    status,
    comments: [],
  };
}

describe("highlightRanges", () => {
  it("highlights the open threads of the section whose text is there, in document order", () => {
    const ranges: Record<string, { from: number; to: number } | null> = {
      late: { from: 20, to: 30 },
      early: { from: 2, to: 8 },
      gone: null,
      resolved: { from: 1, to: 3 },
      elsewhere: { from: 1, to: 3 },
    };
    const threads = [
      thread("late", "goal"),
      thread("early", "goal"),
      thread("gone", "goal"),
      thread("resolved", "goal", "resolved"),
      thread("elsewhere", "tasks"),
    ];
    const found = highlightRanges(threads, "goal", "late", (anchor) => ranges[anchor.quote] ?? null);
    expect(found).toEqual([
      { from: 2, to: 8, threadId: "early", active: false },
      { from: 20, to: 30, threadId: "late", active: true },
    ]);
  });
});
