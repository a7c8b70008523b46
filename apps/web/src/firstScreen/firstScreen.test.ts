import { afterEach, describe, expect, it } from "vitest";
import {
  adoptFirstScreen,
  dropFirstScreen,
  type FirstScreenEnvironment,
  firstScreenPending,
  isDrawable,
  resetFirstScreen,
  startFirstScreen,
} from "./firstScreen.ts";

/** A stand-in for a DOM element: where it is, and what it holds. */
class FakeElement {
  parent: FakeElement | null = null;
  readonly children: FakeElement[] = [];
  constructor(readonly name: string) {}
  append(child: FakeElement): void {
    child.remove();
    child.parent = this;
    this.children.push(child);
  }
  remove(): void {
    if (!this.parent) return;
    this.parent.children.splice(this.parent.children.indexOf(this), 1);
    this.parent = null;
  }
}

const ANSWER = {
  title: "Дорожная карта",
  organisation: "Славянский район",
  templateTitle: "Дорожная карта по методическому сопровождению ШНОР",
  year: 2026,
  sectionsAbove: [],
  sectionPreviews: [],
  table: {
    id: "measures",
    title: null,
    rowCount: 1,
    columns: [{ id: "measure", title: "Показатели", width: 300, kind: "text", pinned: true }],
    rows: [{ id: "r1", number: 1, cells: [{ text: "Мероприятие" }] }],
  },
};

function environment(answer: unknown, pathname = "/d/doc-1") {
  const body = new FakeElement("body");
  let respond: (value: unknown) => void = () => {};
  const env: FirstScreenEnvironment = {
    pathname,
    online: true,
    fetch: () =>
      new Promise((resolve) => {
        respond = () => resolve({ ok: answer !== null, json: async () => answer });
      }),
    place: (page) => body.append(page as unknown as FakeElement),
    draw: () => {
      const page = new FakeElement("page");
      const content = new FakeElement("content");
      page.append(content);
      return { page: page as unknown as HTMLElement, body: content as unknown as HTMLElement };
    },
  };
  const answered = async () => {
    respond(answer);
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { env, body, answered };
}

afterEach(() => resetFirstScreen());

describe("the first screen", () => {
  it("is drawn over the page when the answer comes, and moves into the document page's slot without its header", async () => {
    const { env, body, answered } = environment(ANSWER);
    startFirstScreen(env);
    expect(firstScreenPending()).toBe(true);
    await answered();
    expect(body.children.map((c) => c.name)).toEqual(["page"]);
    const slot = new FakeElement("slot");
    adoptFirstScreen("doc-1", slot as unknown as HTMLElement);
    expect(slot.children.map((c) => c.name)).toEqual(["content"]);
    expect(body.children).toEqual([]);
    dropFirstScreen();
    expect(slot.children).toEqual([]);
    expect(firstScreenPending()).toBe(false);
  });

  it("is drawn straight into the slot when the page was there first", async () => {
    const { env, body, answered } = environment(ANSWER);
    startFirstScreen(env);
    const slot = new FakeElement("slot");
    adoptFirstScreen("doc-1", slot as unknown as HTMLElement);
    await answered();
    expect(slot.children.map((c) => c.name)).toEqual(["content"]);
    expect(body.children).toEqual([]);
  });

  it("draws nothing once the grid has drawn its rows, nor for another document's page, a refusal or nothing to show", async () => {
    const late = environment(ANSWER);
    startFirstScreen(late.env);
    dropFirstScreen();
    await late.answered();
    expect(late.body.children).toEqual([]);

    resetFirstScreen();
    const elsewhere = environment(ANSWER);
    startFirstScreen(elsewhere.env);
    adoptFirstScreen("doc-2", new FakeElement("slot") as unknown as HTMLElement);
    await elsewhere.answered();
    expect(elsewhere.body.children).toEqual([]);

    for (const answer of [null, { ...ANSWER, table: null }, { ...ANSWER, table: { ...ANSWER.table, rows: [] } }]) {
      resetFirstScreen();
      const refused = environment(answer);
      startFirstScreen(refused.env);
      await refused.answered();
      expect(refused.body.children).toEqual([]);
      expect(firstScreenPending()).toBe(false);
    }
  });

  it("is asked for on a document's address only", () => {
    startFirstScreen(environment(ANSWER, "/").env);
    expect(firstScreenPending()).toBe(false);
  });

  it("checks the answer's shape before drawing it", () => {
    expect(isDrawable(ANSWER)).toBe(true);
    expect(isDrawable({ ...ANSWER, year: "2026" })).toBe(false);
    const ragged = { ...ANSWER.table, rows: [{ id: "r1", number: 1, cells: [] }] };
    expect(isDrawable({ ...ANSWER, table: ragged })).toBe(false);
    const previews = { sectionsAbove: ["Цель"], sectionPreviews: [{ id: "goal", text: "Повысить", hasContent: true }] };
    expect(isDrawable({ ...ANSWER, ...previews })).toBe(true);
    expect(isDrawable({ ...ANSWER, ...previews, sectionPreviews: [] })).toBe(false);
    expect(isDrawable({ ...ANSWER, ...previews, sectionPreviews: [{ id: "goal", text: "Повысить" }] })).toBe(false);
  });
});
