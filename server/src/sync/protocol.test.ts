import { SAVED_MESSAGE_TYPE } from "@karta/schema";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  decodeClientMessage,
  encodeSaved,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
} from "./protocol.ts";

describe("decodeClientMessage", () => {
  it("reads the messages a WebsocketProvider sends", () => {
    const doc = new Y.Doc();
    doc.getMap("m").set("k", "v");
    expect(decodeClientMessage(encodeSyncStep1(doc)).type).toBe("sync-step1");
    const update = Y.encodeStateAsUpdate(doc);
    const message = encodeUpdate(update);
    expect(decodeClientMessage(message)).toEqual({ type: "sync-update", update, asReceived: message });
    const step2 = encodeSyncStep2(doc, new Uint8Array([0]));
    expect(decodeClientMessage(step2)).toMatchObject({ type: "sync-update", asReceived: null });
    // Bytes after the update are never passed on to the peers.
    const trailing = new Uint8Array([...message, 9, 9]);
    expect(decodeClientMessage(trailing)).toEqual({ type: "sync-update", update, asReceived: null });
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

describe("encodeSaved", () => {
  it("writes the type, the document's state vector and the count of updates acknowledged", () => {
    const doc = new Y.Doc();
    doc.getMap("m").set("k", "v");
    const decoder = decoding.createDecoder(encodeSaved(Y.encodeStateVector(doc), 3));
    expect(decoding.readVarUint(decoder)).toBe(SAVED_MESSAGE_TYPE);
    expect(Y.decodeStateVector(decoding.readVarUint8Array(decoder))).toEqual(new Map([[doc.clientID, 1]]));
    expect(decoding.readVarUint(decoder)).toBe(3);
    expect(decoding.hasContent(decoder)).toBe(false);
  });

  it("is a type no client may send", () => {
    const doc = new Y.Doc();
    expect(() => decodeClientMessage(encodeSaved(Y.encodeStateVector(doc), 1))).toThrow(ProtocolError);
  });
});
