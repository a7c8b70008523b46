import { describe, expect, it } from "vitest";
import {
  decodeAccessMessage,
  decodeEventMessage,
  decodeRoomMessage,
  encodeAccessMessage,
  encodeEventMessage,
  encodeRoomMessage,
} from "./fanoutMessages.ts";

describe("fan-out messages", () => {
  it("carry an appended update with its sequence number, writer and claimed client ids", () => {
    const entry = { seq: 70_000, update: new Uint8Array([1, 2, 3]), accountId: "acc-1", clientIds: [5, 4_000_000_000] };
    expect(decodeRoomMessage(encodeRoomMessage({ kind: "appended", from: "i-1", entry }))).toEqual({
      kind: "appended",
      from: "i-1",
      entry,
    });
    const byServer = { seq: 1, update: new Uint8Array([0, 0]), accountId: null, clientIds: [] };
    expect(decodeRoomMessage(encodeRoomMessage({ kind: "appended", from: "i-2", entry: byServer })).kind).toBe(
      "appended",
    );
  });

  it("carry presence, and access changes, and refuse what they cannot read", () => {
    const presence = { kind: "presence", from: "i-1", update: new Uint8Array([9]) } as const;
    expect(decodeRoomMessage(encodeRoomMessage(presence))).toEqual(presence);
    expect(() => decodeRoomMessage(new Uint8Array([1, 65, 7]))).toThrow(/unknown room message kind 7/);
    expect(decodeAccessMessage(encodeAccessMessage("i-1", { kind: "credential", id: "s-1" }))).toEqual({
      from: "i-1",
      change: { kind: "credential", id: "s-1" },
    });
    expect(() => decodeAccessMessage('{"from":"i","kind":"everything","id":"x"}')).toThrow(/unknown access change/);
  });

  it("carry document events by type, and refuse a type they do not know", () => {
    for (const type of ["summary", "conflicts", "evidence", "facts"] as const) {
      expect(decodeEventMessage(encodeEventMessage("i-1", "doc-1", { type }))).toEqual({
        from: "i-1",
        docId: "doc-1",
        event: { type },
      });
    }
    expect(() => decodeEventMessage('{"from":"i","docId":"d","type":"everything"}')).toThrow(/unknown document event/);
    expect(() => decodeEventMessage('{"from":"i","type":"summary"}')).toThrow(/malformed/);
  });
});
