import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { MAX_COMMENTS_DEPTH, MAX_COMMENTS_STRING_LENGTH } from "./commentsShape.ts";
import { findCommentsViolation } from "./validation.ts";

/** A server replica that records the verdict on every transaction a client's update makes. */
function replicas() {
  const server = new Y.Doc();
  const verdicts: (string | null)[] = [];
  server.on("afterTransaction", (tr: Y.Transaction) => verdicts.push(findCommentsViolation(server, tr)));
  const client = new Y.Doc();
  client.on("update", (u: Uint8Array) => Y.applyUpdate(server, u));
  return { client, verdicts, threads: client.getMap<unknown>("threads") };
}

/** A chain of maps `depth` deep under `key`, made in one transaction (attached level by level, as an attacker would). */
function setChain(client: Y.Doc, threads: Y.Map<unknown>, key: string, depth: number): void {
  client.transact(() => {
    let current = new Y.Map<unknown>();
    threads.set(key, current);
    for (let i = 1; i < depth; i++) {
      const next = new Y.Map<unknown>();
      current.set("x", next);
      current = next;
    }
  });
}

describe("the comments companion's shape", () => {
  it("accepts a thread of comments with mentions", () => {
    const { client, verdicts, threads } = replicas();
    client.transact(() => {
      const thread = new Y.Map<unknown>([["anchor", { table: "measures", rowId: "r1", columnId: "deadline" }]]);
      const comments = new Y.Array<Y.Map<unknown>>();
      const comment = new Y.Map<unknown>([
        ["author", "acc-1"],
        ["text", "Уточните сроки"],
      ]);
      comment.set("mentions", Y.Array.from(["acc-2"]));
      comments.push([comment]);
      thread.set("comments", comments);
      threads.set("t1", thread);
    });
    expect(verdicts).toEqual([null]);
  });

  it("refuses a 20,000-deep chain of maps in one update", () => {
    const { client, verdicts, threads } = replicas();
    setChain(client, threads, "t1", 20_000);
    expect(verdicts[0]).toMatch(/nested deeper/);
  });

  it("refuses nesting built up one level per update", () => {
    const { verdicts, threads } = replicas();
    let current = new Y.Map<unknown>();
    threads.set("t1", current);
    for (let level = 2; level <= MAX_COMMENTS_DEPTH + 1; level++) {
      const next = new Y.Map<unknown>();
      current.set("x", next);
      current = next;
    }
    expect(verdicts.slice(0, MAX_COMMENTS_DEPTH)).toEqual(Array(MAX_COMMENTS_DEPTH).fill(null));
    expect(verdicts[MAX_COMMENTS_DEPTH]).toMatch(/nested deeper/);
  });

  it("refuses a deep plain JSON value, a long string and shared text", () => {
    const { verdicts, threads } = replicas();
    let deep: unknown = "x";
    for (let i = 0; i < 1_000; i++) deep = { x: deep };
    threads.set("a", deep);
    threads.set("b", "я".repeat(MAX_COMMENTS_STRING_LENGTH + 1));
    threads.set("c", new Y.Map([["text", "x".repeat(3_000_000)]]));
    threads.set("d", new Y.Text("текст"));
    expect(verdicts[0]).toMatch(/nested deeper/);
    expect(verdicts[1]).toMatch(/string of/);
    expect(verdicts[2]).toMatch(/string of/);
    expect(verdicts[3]).toMatch(/shared type/);
  });
});
