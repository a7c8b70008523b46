import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { raiseStateVector, stateVectorCovers } from "./stateVectorCovers.ts";

const sv = (entries: [number, number][]) => new Map(entries);

describe("stateVectorCovers", () => {
  it("holds when the server is at or ahead of every local client", () => {
    expect(stateVectorCovers(sv([]), sv([]))).toBe(true);
    expect(stateVectorCovers(sv([[1, 5]]), sv([[1, 5]]))).toBe(true);
    expect(
      stateVectorCovers(
        sv([
          [1, 9],
          [2, 3],
          [3, 1],
        ]),
        sv([
          [1, 5],
          [2, 3],
        ]),
      ),
    ).toBe(true);
  });

  it("fails when any local client is ahead, including one the server has never seen", () => {
    expect(stateVectorCovers(sv([[1, 4]]), sv([[1, 5]]))).toBe(false);
    expect(
      stateVectorCovers(
        sv([[1, 5]]),
        sv([
          [1, 5],
          [2, 1],
        ]),
      ),
    ).toBe(false);
    // An earlier session's client id, loaded from IndexedDB, counts as much as this session's.
    expect(
      stateVectorCovers(
        sv([
          [1, 5],
          [2, 7],
        ]),
        sv([
          [1, 5],
          [2, 8],
        ]),
      ),
    ).toBe(false);
  });

  it("ignores clients with nothing (clock 0)", () => {
    expect(stateVectorCovers(sv([]), sv([[7, 0]]))).toBe(true);
  });

  it("agrees with Yjs: a server that received the local update covers it", () => {
    const local = new Y.Doc();
    local.getMap("m").set("a", 1);
    const server = new Y.Doc();
    const svOf = (d: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(d));
    expect(stateVectorCovers(svOf(server), svOf(local))).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    expect(stateVectorCovers(svOf(server), svOf(local))).toBe(true);
    local.getMap("m").set("b", 2);
    expect(stateVectorCovers(svOf(server), svOf(local))).toBe(false);
  });
});

describe("raiseStateVector", () => {
  it("keeps the larger clock of each client", () => {
    const into = sv([
      [1, 5],
      [2, 2],
    ]);
    raiseStateVector(
      into,
      sv([
        [1, 3],
        [2, 4],
        [3, 1],
      ]),
    );
    expect(into).toEqual(
      sv([
        [1, 5],
        [2, 4],
        [3, 1],
      ]),
    );
  });
});
