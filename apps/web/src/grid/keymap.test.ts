import { describe, expect, it } from "vitest";
import { gridKeyAction, type KeyLike } from "./keymap.ts";

function key(k: string, code: string, mods: Partial<KeyLike> = {}): KeyLike {
  return { key: k, code, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

describe("gridKeyAction", () => {
  it("undoes with Ctrl+Z and redoes with Ctrl+Y or Ctrl+Shift+Z", () => {
    expect(gridKeyAction(key("z", "KeyZ", { ctrlKey: true }))).toEqual({ kind: "undo" });
    expect(gridKeyAction(key("y", "KeyY", { ctrlKey: true }))).toEqual({ kind: "redo" });
    expect(gridKeyAction(key("Z", "KeyZ", { ctrlKey: true, shiftKey: true }))).toEqual({ kind: "redo" });
    expect(gridKeyAction(key("z", "KeyZ", { metaKey: true }))).toEqual({ kind: "undo" });
  });

  it("recognises Ctrl+Z on the Russian layout by the physical key", () => {
    expect(gridKeyAction(key("я", "KeyZ", { ctrlKey: true }))).toEqual({ kind: "undo" });
  });

  it("clears with Delete and Backspace", () => {
    expect(gridKeyAction(key("Delete", "Delete"))).toEqual({ kind: "clear" });
    expect(gridKeyAction(key("Backspace", "Backspace"))).toEqual({ kind: "clear" });
  });

  it("extends the selection with Shift+arrows", () => {
    expect(gridKeyAction(key("ArrowDown", "ArrowDown", { shiftKey: true }))).toEqual({
      kind: "extend",
      rows: 1,
      cols: 0,
    });
    expect(gridKeyAction(key("ArrowLeft", "ArrowLeft", { shiftKey: true }))).toEqual({
      kind: "extend",
      rows: 0,
      cols: -1,
    });
  });

  it("moves rows with Ctrl+Shift+Up/Down", () => {
    expect(gridKeyAction(key("ArrowUp", "ArrowUp", { ctrlKey: true, shiftKey: true }))).toEqual({
      kind: "moveRow",
      by: -1,
    });
    expect(gridKeyAction(key("ArrowDown", "ArrowDown", { ctrlKey: true, shiftKey: true }))).toEqual({
      kind: "moveRow",
      by: 1,
    });
  });

  it("ticks and unticks a yes/no cell with Space, and only a yes/no cell", () => {
    expect(gridKeyAction(key(" ", "Space"), "boolean")).toEqual({ kind: "toggle" });
    expect(gridKeyAction(key(" ", "Space"), "text")).toBeNull();
    expect(gridKeyAction(key(" ", "Space"), "enum")).toBeNull();
    expect(gridKeyAction(key(" ", "Space"))).toBeNull();
    expect(gridKeyAction(key(" ", "Space", { ctrlKey: true }), "boolean")).toBeNull();
    expect(gridKeyAction(key(" ", "Space", { shiftKey: true }), "boolean")).toBeNull();
  });

  it("leaves plain navigation, typing and clipboard keys to the grid and the browser", () => {
    expect(gridKeyAction(key("ArrowDown", "ArrowDown"))).toBeNull();
    expect(gridKeyAction(key("a", "KeyA"))).toBeNull();
    expect(gridKeyAction(key("Enter", "Enter"))).toBeNull();
    expect(gridKeyAction(key("c", "KeyC", { ctrlKey: true }))).toBeNull();
    expect(gridKeyAction(key("v", "KeyV", { ctrlKey: true }))).toBeNull();
  });
});
