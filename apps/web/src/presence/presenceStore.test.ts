import { describe, expect, it } from "vitest";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { PresenceStore } from "./presenceStore.ts";

function remote(awareness: Awareness, clientId: number, state: Record<string, unknown>) {
  // What applyAwarenessUpdate does for a peer, without a socket.
  awareness.states.set(clientId, state);
  awareness.meta.set(clientId, { clock: 1, lastUpdated: Date.now() });
  awareness.emit("change", [{ added: [clientId], updated: [], removed: [] }, "remote"]);
}

describe("PresenceStore", () => {
  it("lists peers but not oneself, and places them on their cells", () => {
    const awareness = new Awareness(new Y.Doc());
    const store = new PresenceStore(awareness);
    store.setUser({ name: "Me", color: "#188038", initials: "M" });
    remote(awareness, awareness.clientID + 1, {
      user: { name: "Boris Ivanov", color: "#d93025", initials: "BI" },
      cursor: { rowId: "r1", colId: "measure" },
    });
    expect(store.peers().map((p) => p.user.initials)).toEqual(["BI"]);
    expect(store.peersAt("r1", "measure").map((p) => p.user.name)).toEqual(["Boris Ivanov"]);
    expect(store.peersAt("r1", "document")).toHaveLength(0);
    awareness.destroy();
  });

  it("keeps a cell's snapshot identity when an unrelated peer moves", () => {
    const awareness = new Awareness(new Y.Doc());
    const store = new PresenceStore(awareness);
    const a = awareness.clientID + 1;
    const b = awareness.clientID + 2;
    remote(awareness, a, { user: { name: "A", color: "#d93025" }, cursor: { rowId: "r1", colId: "x" } });
    remote(awareness, b, { user: { name: "B", color: "#188038" }, cursor: { rowId: "r2", colId: "x" } });
    const before = store.peersAt("r1", "x");
    remote(awareness, b, { user: { name: "B", color: "#188038" }, cursor: { rowId: "r3", colId: "x" } });
    expect(store.peersAt("r1", "x")).toBe(before);
    expect(store.peersAt("r3", "x")).toHaveLength(1);
    awareness.destroy();
  });

  it("ignores peers whose state is malformed", () => {
    const awareness = new Awareness(new Y.Doc());
    const store = new PresenceStore(awareness);
    remote(awareness, awareness.clientID + 1, { user: { name: "X", color: "url(evil)" } });
    expect(store.peers()).toHaveLength(0);
    awareness.destroy();
  });
});
