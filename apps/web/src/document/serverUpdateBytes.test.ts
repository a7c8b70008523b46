import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { ServerUpdateBytes, syncUpdateBytes } from "./serverUpdateBytes.ts";

/** A sync message after its type, as y-websocket's handler gets it: [step][update]. */
function syncMessage(step: number, update: Uint8Array): decoding.Decoder {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, update);
  return decoding.createDecoder(encoding.toUint8Array(encoder));
}

function someUpdate(): Uint8Array {
  const source = new Y.Doc();
  source.getMap("t").set("a", "1");
  return Y.encodeStateAsUpdate(source);
}

describe("ServerUpdateBytes", () => {
  it("reads the update of a step 2 or an update, leaving the decoder as it was", () => {
    const update = someUpdate();
    const decoder = syncMessage(1, update);
    expect(syncUpdateBytes(decoder)).toEqual(update);
    expect(decoder.pos).toBe(0);
    expect(syncUpdateBytes(syncMessage(2, update))).toEqual(update);
    expect(syncUpdateBytes(syncMessage(0, new Uint8Array([0])))).toBeNull();
  });

  it("gives the update listeners the server's bytes instead of encoding the transaction again", () => {
    const doc = new Y.Doc();
    const provider = { name: "provider" };
    const relay = new ServerUpdateBytes(doc, () => provider);
    const seen: { update: Uint8Array; origin: unknown }[] = [];
    const listener = vi.fn((update: Uint8Array, origin: unknown) => seen.push({ update, origin }));
    doc.on("update", listener);
    const update = someUpdate();
    const decoder = syncMessage(1, update);
    relay.applyFromServer(decoder, () => {
      decoding.readVarUint(decoder);
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder), provider);
    });
    expect(doc.getMap("t").get("a")).toBe("1");
    expect(seen).toHaveLength(1);
    expect(seen[0]?.update).toEqual(update);
    expect(seen[0]?.origin).toBe(provider);
    // Nothing new: no update event, as Yjs would emit none.
    relay.applyFromServer(syncMessage(1, update), () => Y.applyUpdate(doc, update, provider));
    expect(seen).toHaveLength(1);
    // Other transactions are encoded by Yjs as always.
    doc.getMap("t").set("b", "2");
    expect(seen).toHaveLength(2);
    const copy = new Y.Doc();
    for (const { update: bytes } of seen) Y.applyUpdate(copy, bytes);
    expect(copy.getMap("t").toJSON()).toEqual({ a: "1", b: "2" });
    relay.destroy();
  });
});
