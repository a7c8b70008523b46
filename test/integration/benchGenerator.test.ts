/**
 * The bench's load generator (test/bench) writes for many clients through one
 * Y.Doc per document and reads what peers receive from the update bytes
 * without applying them: if either went wrong, the bench would measure
 * nonsense or report convergence that never happened.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type CellValue, encodeCellValue, scanCellValues } from "../bench/cellValues.ts";
import { RoomWriter } from "../bench/roomWriter.ts";

const A = 1_234_567;
const B = 4_000_000_001;

function scan(bytes: Uint8Array, owners: readonly number[] = [A, B]): CellValue[] {
  const found: CellValue[] = [];
  scanCellValues(
    bytes,
    (id) => owners.includes(id),
    (value) => found.push(value),
  );
  return found;
}

/** A stamped document with one row of each client, as the server holds it after setup. */
function setUp() {
  const writer = new RoomWriter();
  const server = new Y.Doc();
  const stamp = writer.stampIfEmpty(7) as Uint8Array;
  Y.applyUpdate(server, stamp);
  const a = writer.insertRow(A, encodeCellValue(A, 0));
  const b = writer.insertRow(B, encodeCellValue(B, 0));
  Y.applyUpdate(server, a.update);
  Y.applyUpdate(server, b.update);
  return { writer, server, rowA: a.rowId, rowB: b.rowId };
}

describe("bench generator", () => {
  it("finds each client's value, owner and send time, in the update it wrote", () => {
    const { writer, rowA, rowB } = setUp();
    expect(scan(writer.setCell(A, rowA, encodeCellValue(A, 1764781234567.891)))).toEqual([
      { clientId: A, sentAt: 1764781234567.891 },
    ]);
    expect(scan(writer.setCell(B, rowB, encodeCellValue(B, 42)))).toEqual([{ clientId: B, sentAt: 42 }]);
    // A value of a client that is not of this document is not a delivery.
    expect(scan(writer.setCell(A, rowA, encodeCellValue(A, 43)), [B])).toEqual([]);
  });

  it("writes each client's updates under its own client id", () => {
    const { writer, rowA } = setUp();
    const update = writer.setCell(A, rowA, encodeCellValue(A, 5));
    expect(new Set(Y.decodeUpdate(update).structs.map((struct) => struct.id.client))).toEqual(new Set([A]));
  });

  it("finds the current values in a whole document, as a resync after a drop sends it", () => {
    const { writer, server, rowA, rowB } = setUp();
    for (const sentAt of [10, 20, 30]) Y.applyUpdate(server, writer.setCell(A, rowA, encodeCellValue(A, sentAt)));
    Y.applyUpdate(server, writer.setCell(B, rowB, encodeCellValue(B, 25)));
    const newest = new Map<number, number>();
    for (const { clientId, sentAt } of scan(Y.encodeStateAsUpdate(server))) {
      newest.set(clientId, Math.max(newest.get(clientId) ?? 0, sentAt));
    }
    expect(newest).toEqual(
      new Map([
        [A, 30],
        [B, 25],
      ]),
    );
  });

  it("matches only whole values of the form digits|digits", () => {
    const doc = new Y.Doc();
    const map = doc.getMap("m");
    for (const text of ["12|3a", "|5", "12|", "1234567|1.2.3", "x1234567|5", "order-a0", "1234567|5 "]) {
      map.set(text, text);
    }
    expect(scan(Y.encodeStateAsUpdate(doc))).toEqual([]);
  });

  it("answers a server's step 1 after a drop with the client's own missing writes only", () => {
    const { writer, server, rowA, rowB } = setUp();
    // Sent while A's socket was down: A's two edits; B's two edits are still in flight to the
    // server, and the second deleted the first, which the server has never seen.
    writer.setCell(A, rowA, encodeCellValue(A, 100));
    writer.setCell(A, rowA, encodeCellValue(A, 200));
    writer.setCell(B, rowB, encodeCellValue(B, 150));
    writer.setCell(B, rowB, encodeCellValue(B, 160));
    const answer = writer.missingOf(A, Y.encodeStateVector(server));
    let advanced: number[] = [];
    server.once("afterTransaction", (transaction: Y.Transaction) => {
      advanced = [...transaction.afterState]
        .filter(([id, clock]) => clock !== transaction.beforeState.get(id))
        .map(([id]) => id);
    });
    Y.applyUpdate(server, answer);
    expect(advanced).toEqual([A]);
    expect(server.store.pendingStructs).toBeNull();
    expect(server.store.pendingDs).toBeNull();
    expect(
      scan(Y.encodeStateAsUpdate(server))
        .filter((v) => v.clientId === A)
        .map((v) => v.sentAt),
    ).toContain(200);
    // Nothing missing: no structs at all.
    expect(Y.decodeUpdate(writer.missingOf(A, Y.encodeStateVector(server))).structs).toEqual([]);
  });
});
