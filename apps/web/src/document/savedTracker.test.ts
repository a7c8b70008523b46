import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SavedTracker } from "./savedTracker.ts";

const stateVectorOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

/** A message as y-websocket writes it: type 0, a sync step, a payload. */
function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A decoder positioned after the message type, as y-websocket hands it to a handler. */
function afterType(message: Uint8Array): decoding.Decoder {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  return decoder;
}

/** The server's saved message for the `count` first updates, with `server`'s state vector. */
function saved(server: Y.Doc, count: number): decoding.Decoder {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 100);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(server));
  encoding.writeVarUint(encoder, count);
  return afterType(encoding.toUint8Array(encoder));
}

/** A local doc wired to a server doc by hand: what a socket would carry, and a tracker watching it. */
function setup() {
  const server = new Y.Doc();
  server.getMap("meta").set("templateId", "t");
  const local = new Y.Doc();
  const tracker = new SavedTracker();
  const fromServer = syncMessage(1, Y.encodeStateAsUpdate(server));
  tracker.noteFromServer(afterType(fromServer));
  Y.applyUpdate(local, Y.encodeStateAsUpdate(server));
  /** The client sends `update` (a step 2 or an update message) and the server stores it. */
  const send = (update: Uint8Array, step = 2) => {
    tracker.noteSent(syncMessage(step, update));
    Y.applyUpdate(server, update);
  };
  return { server, local, tracker, send };
}

describe("SavedTracker", () => {
  it("is saved once synced with a server that has everything and nothing was sent", () => {
    const { local, tracker } = setup();
    expect(tracker.isSaved(stateVectorOf(local))).toBe(true);
  });

  it("says saved only after the server acknowledged the update", () => {
    const { server, local, tracker, send } = setup();
    local.on("update", (u: Uint8Array) => send(u));
    local.getMap("m").set("a", 1);
    expect(tracker.isSaved(stateVectorOf(local))).toBe(false);
    tracker.noteSaved(saved(server, 1));
    expect(tracker.isSaved(stateVectorOf(local))).toBe(true);
  });

  it("does not take an older acknowledgement for a deletion sent after it", () => {
    const { server, local, tracker, send } = setup();
    local.on("update", (u: Uint8Array) => send(u));
    local.getMap("m").set("a", 1);
    tracker.noteSaved(saved(server, 1));
    local.getMap("m").delete("a");
    // The deletion advanced no state vector: only the count tells it is not stored yet.
    expect(stateVectorOf(local)).toEqual(stateVectorOf(server));
    expect(tracker.isSaved(stateVectorOf(local))).toBe(false);
    tracker.noteSaved(saved(server, 2));
    expect(tracker.isSaved(stateVectorOf(local))).toBe(true);
  });

  it("needs the server to have changes of earlier sessions (other client ids) too", () => {
    const { server, local, tracker, send } = setup();
    const earlier = new Y.Doc();
    Y.applyUpdate(earlier, Y.encodeStateAsUpdate(local));
    earlier.getMap("m").set("offline", "edit");
    // Loaded from IndexedDB: in the local doc, not yet sent on this socket.
    Y.applyUpdate(local, Y.encodeStateAsUpdate(earlier));
    expect(tracker.isSaved(stateVectorOf(local))).toBe(false);
    send(Y.encodeStateAsUpdate(local, Y.encodeStateVector(server)), 1);
    tracker.noteSaved(saved(server, 1));
    expect(tracker.isSaved(stateVectorOf(local))).toBe(true);
  });

  it("counts a colleague's change the server sent as stored", () => {
    const { server, local, tracker } = setup();
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(server));
    colleague.getMap("m").set("b", 2);
    const update = Y.encodeStateAsUpdate(colleague, Y.encodeStateVector(server));
    Y.applyUpdate(server, update);
    tracker.noteFromServer(afterType(syncMessage(2, update)));
    Y.applyUpdate(local, update);
    expect(tracker.isSaved(stateVectorOf(local))).toBe(true);
  });

  it("counts only step 2 and update messages, not step 1 or awareness", () => {
    const { local, tracker } = setup();
    tracker.noteSent(syncMessage(0, Y.encodeStateVector(local)));
    tracker.noteSent(new Uint8Array([1, 3, 0, 0, 0]));
    tracker.noteSent("text");
    expect(tracker.isSaved(stateVectorOf(local))).toBe(true);
  });

  it("is never saved on a socket whose change was refused", () => {
    const { server, local, tracker } = setup();
    tracker.noteRefused();
    tracker.noteSaved(saved(server, 0));
    expect(tracker.refused).toBe(true);
    expect(tracker.isSaved(stateVectorOf(local))).toBe(false);
  });
  it("learns what the server's first sync carried from the document it was applied to", () => {
    const server = new Y.Doc();
    server.getMap("meta").set("templateId", "t");
    const colleague = new Y.Doc();
    colleague.getMap("m").set("c", 1);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(colleague));
    const local = new Y.Doc();
    const tracker = new SavedTracker();
    const update = Y.encodeStateAsUpdate(server);
    tracker.receiveFromServer(afterType(syncMessage(1, update)), local, () => Y.applyUpdate(local, update));
    expect(tracker.isSaved(stateVectorOf(local))).toBe(true);
    local.getMap("m").set("mine", 1);
    expect(tracker.isSaved(stateVectorOf(local))).toBe(false);
  });

  it("does not take a change written while the server's message is applied for stored", () => {
    const server = new Y.Doc();
    server.getMap("meta").set("templateId", "t");
    const local = new Y.Doc();
    const tracker = new SavedTracker();
    const update = Y.encodeStateAsUpdate(server);
    tracker.receiveFromServer(afterType(syncMessage(1, update)), local, () => {
      Y.applyUpdate(local, update);
      // As an observer that upgrades the document on its arrival would.
      local.getMap("meta").set("upgraded", true);
    });
    expect(tracker.isSaved(stateVectorOf(local))).toBe(false);
  });

  it("does not take changes another tab passed on, waiting for the server's, for stored", () => {
    const colleague = new Y.Doc();
    colleague.getMap("m").set("first", 1);
    const first = Y.encodeStateAsUpdate(colleague);
    const vector = Y.encodeStateVector(colleague);
    colleague.getMap("m").set("second", 2);
    const second = Y.encodeStateAsUpdate(colleague, vector);
    const local = new Y.Doc();
    // The second change arrived first (from another tab): it waits for the first.
    Y.applyUpdate(local, second);
    expect(local.store.pendingStructs).not.toBeNull();
    const tracker = new SavedTracker();
    tracker.receiveFromServer(afterType(syncMessage(1, first)), local, () => Y.applyUpdate(local, first));
    expect(local.getMap("m").get("second")).toBe(2);
    // The server sent only the first: it is not known to have the second.
    expect(tracker.isSaved(stateVectorOf(local))).toBe(false);
  });

  it("applies messages that carry no changes without learning anything", () => {
    const local = new Y.Doc();
    local.getMap("m").set("a", 1);
    const tracker = new SavedTracker();
    let applied = false;
    tracker.receiveFromServer(afterType(syncMessage(0, Y.encodeStateVector(new Y.Doc()))), local, () => {
      applied = true;
    });
    expect(applied).toBe(true);
    expect(tracker.isSaved(stateVectorOf(local))).toBe(false);
  });
});
