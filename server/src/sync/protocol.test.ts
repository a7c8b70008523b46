import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { decodeClientMessage, encodeSyncStep1, encodeUpdate, ProtocolError } from "./protocol.ts";

describe("decodeClientMessage", () => {
  it("reads the messages a WebsocketProvider sends", () => {
    const doc = new Y.Doc();
    doc.getMap("m").set("k", "v");
    expect(decodeClientMessage(encodeSyncStep1(doc)).type).toBe("sync-step1");
    const update = Y.encodeStateAsUpdate(doc);
    const decoded = decodeClientMessage(encodeUpdate(update));
    expect(decoded).toEqual({ type: "sync-update", update });
    expect(decodeClientMessage(new Uint8Array([3]))).toEqual({ type: "query-awareness" });
  });

  it("throws ProtocolError on unknown types, unknown sync steps and truncation", () => {
    const step9 = encoding.createEncoder();
    encoding.writeVarUint(step9, 0);
    encoding.writeVarUint(step9, 9);
    encoding.writeVarUint8Array(step9, new Uint8Array([1]));
    for (const bad of [
      new Uint8Array([7]),
      encoding.toUint8Array(step9),
      new Uint8Array([0, 1, 50]),
      new Uint8Array(),
    ]) {
      expect(() => decodeClientMessage(bad)).toThrow(ProtocolError);
    }
  });
});
