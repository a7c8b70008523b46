import { describe, expect, it } from "vitest";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { SectionAwareness, TEXT_CARET_FIELD } from "./sectionAwareness.ts";

const user = { name: "Белова Наталья Сергеевна", color: "#188038", initials: "БН" };
const position = { type: null, tname: "section:goal", item: null, assoc: 0 };

/** This browser's awareness of the document. */
const awarenessOfDocument = () => new Awareness(new Y.Doc());

describe("SectionAwareness", () => {
  it("shows a caret only in its own section, and leaves the table's cell cursor alone", () => {
    const mine = awarenessOfDocument();
    mine.setLocalState({ user, cursor: { rowId: "r1", colId: "measure" } });
    const goal = new SectionAwareness(mine, "goal");
    const tasks = new SectionAwareness(mine, "tasks");
    // The cell cursor is not a text caret: no section sees it.
    expect(goal.getLocalState()?.cursor).toBeNull();

    goal.setLocalStateField("cursor", { anchor: position, head: position });
    expect(mine.getLocalState()?.cursor).toEqual({ rowId: "r1", colId: "measure" });
    expect(mine.getLocalState()?.[TEXT_CARET_FIELD]).toMatchObject({ section: "goal" });
    expect(goal.getLocalState()?.cursor).toEqual({ anchor: position, head: position });
    expect(tasks.getLocalState()?.cursor).toBeNull();
  });

  it("does not erase a caret another section has just set", () => {
    const mine = awarenessOfDocument();
    mine.setLocalState({ user });
    const goal = new SectionAwareness(mine, "goal");
    const tasks = new SectionAwareness(mine, "tasks");
    tasks.setLocalStateField("cursor", { anchor: position, head: position });
    goal.setLocalStateField("cursor", null);
    expect(tasks.getLocalState()?.cursor).not.toBeNull();
    tasks.setLocalStateField("cursor", null);
    expect(mine.getLocalState()?.[TEXT_CARET_FIELD]).toBeNull();
  });

  it("passes the person's name and colour through, and hides carets of peers without a valid identity", () => {
    const mine = awarenessOfDocument();
    const goal = new SectionAwareness(mine, "goal");
    const caret = { section: "goal", anchor: position, head: position };
    mine.getStates().set(7, { user, [TEXT_CARET_FIELD]: caret });
    mine.getStates().set(8, { user: { name: "x", color: "red;background:url(x)" }, [TEXT_CARET_FIELD]: caret });
    mine.getStates().set(9, { user, [TEXT_CARET_FIELD]: { section: "goal", anchor: "bad", head: 1 } });
    const states = goal.getStates();
    expect(states.get(7)).toEqual({ user, cursor: { anchor: position, head: position } });
    expect(states.get(8)?.cursor).toBeNull();
    expect(states.get(9)?.cursor).toBeNull();
  });
});
