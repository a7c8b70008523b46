import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { MAX_KEPT_UPDATES, WholeStateAnswer } from "./wholeStateAnswer.ts";

/** A client applying the answer as y-websocket does; returns its document and whether it ended synced. */
function receive(messages: readonly Uint8Array[]): { doc: Y.Doc; steps: number[] } {
  const doc = new Y.Doc();
  const steps: number[] = [];
  for (const message of messages) {
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarUint(decoder)).toBe(0); // sync
    steps.push(syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, "server"));
  }
  return { doc, steps };
}

function roadmap(): Y.Doc {
  const doc = new Y.Doc();
  const rows = doc.getMap<Y.Map<string>>("rows");
  for (let i = 0; i < 50; i++) {
    const row = new Y.Map<string>();
    rows.set(`r${i}`, row);
    row.set("measure", `Мероприятие ${i}`);
  }
  return doc;
}

const stateOf = (doc: Y.Doc) => doc.getMap("rows").toJSON();

describe("WholeStateAnswer", () => {
  it("gives a client with nothing the whole document, ending with the step 2", () => {
    const doc = roadmap();
    const { doc: client, steps } = receive(new WholeStateAnswer().messages(doc));
    expect(stateOf(client)).toEqual(stateOf(doc));
    expect(steps.at(-1)).toBe(syncProtocol.messageYjsSyncStep2);
  });

  it("encodes the state once and sends the later changes after it, deletions too", () => {
    const doc = roadmap();
    const answer = new WholeStateAnswer();
    const first = answer.messages(doc);
    const rows = doc.getMap<Y.Map<string>>("rows");
    rows.get("r1")?.set("measure", "Изменено");
    rows.get("r2")?.delete("measure");
    rows.delete("r3");
    const second = answer.messages(doc);
    expect(second[0]).toBe(first[0]);
    expect(second).toHaveLength(first.length + 3);
    const { doc: client } = receive(second);
    expect(stateOf(client)).toEqual(stateOf(doc));
    expect(Y.encodeStateVector(client)).toEqual(Y.encodeStateVector(doc));
  });

  it("encodes again after many changes, and for another document object", () => {
    const doc = roadmap();
    const answer = new WholeStateAnswer();
    const first = answer.messages(doc);
    const row = doc.getMap<Y.Map<string>>("rows").get("r0");
    for (let i = 0; i <= MAX_KEPT_UPDATES; i++) row?.set("measure", `правка ${i}`);
    const again = answer.messages(doc);
    expect(again[0]).not.toBe(first[0]);
    expect(again).toHaveLength(2);
    expect(stateOf(receive(again).doc)).toEqual(stateOf(doc));

    const restored = roadmap();
    const other = answer.messages(restored);
    expect(other[0]).not.toBe(again[0]);
    doc.getMap<Y.Map<string>>("rows").delete("r0"); // the old object no longer counts
    expect(answer.messages(restored)).toHaveLength(2);
    expect(stateOf(receive(other).doc)).toEqual(stateOf(restored));
  });
});
