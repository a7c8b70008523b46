/**
 * One Y.Doc per document per generator process, writing for every simulated
 * client of that document. Before each transaction its `clientID` is set to
 * the client's own id, so each client writes under a stable id of its own (the
 * Karta server lets only the account that first wrote under an id write under
 * it again), and the update Yjs emits is what that client sends. All the
 * document's writers live in this one process, so this Y.Doc is the
 * document's state: the server's at connect plus every write since.
 */
import { KartaDocument, readMeta, type TableModel, writeMeta } from "@karta/doc";
import { municipalRoadmap } from "@karta/schema";
import * as Y from "yjs";

/** The cell every client edits; any text column would do. */
const EDITED_COLUMN = "measure";

export class RoomWriter {
  private readonly doc = new Y.Doc();
  private readonly table: TableModel = new KartaDocument(this.doc, municipalRoadmap).table("measures");

  /** Takes in the server's state: a sync step 2 payload. */
  load(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update);
  }

  /** The stock server starts with empty rooms: stamp the template as the Karta server does on creation. */
  stampIfEmpty(clientId: number): Uint8Array | null {
    if (readMeta(this.doc) !== null) return null;
    return this.write(clientId, () => writeMeta(this.doc, municipalRoadmap));
  }

  /** Adds the client's own row, its cell set to `value`. */
  insertRow(clientId: number, value: string): { rowId: string; update: Uint8Array } {
    let rowId = "";
    const update = this.write(clientId, () => {
      rowId = this.table.insertRow(this.table.rowCount(), { [EDITED_COLUMN]: value });
    });
    return { rowId, update };
  }

  setCell(clientId: number, rowId: string, value: string): Uint8Array {
    return this.write(clientId, () => this.table.setCell(rowId, EDITED_COLUMN, value));
  }

  /**
   * What the server lacks of this client's own writes, as the client's answer
   * to the server's sync step 1 (its state vector). Only the client's own
   * structs: another client's writes, sent under this client's credentials,
   * would be refused as written under another person's client id. The delete
   * set is left out too: it would name other clients' items still in flight,
   * which the server cannot place (it refuses such an update), and a client's
   * own deletions are implied (a map value replaces the one it was written after).
   */
  missingOf(clientId: number, serverStateVector: Uint8Array): Uint8Array {
    const server = Y.decodeStateVector(serverStateVector);
    const target = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    target.set(clientId, server.get(clientId) ?? 0);
    const withDeletes = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(target));
    // A v1 update is its structs, then its delete set; with no structs it is a 0 byte, then the same delete set.
    const deletes = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.doc)).subarray(1);
    const structs = withDeletes.subarray(0, withDeletes.length - deletes.length);
    if (!deletes.every((byte, i) => withDeletes[structs.length + i] === byte)) {
      throw new Error("the update does not end with the document's delete set: Yjs changed its encoding");
    }
    const update = new Uint8Array(structs.length + 1);
    update.set(structs);
    update[structs.length] = 0; // no deletions
    return update;
  }

  /** Runs one transaction as `clientId` and returns the update it made. */
  private write(clientId: number, change: () => void): Uint8Array {
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => {
      update = u;
    };
    this.doc.clientID = clientId;
    this.doc.on("update", capture);
    try {
      this.doc.transact(change);
    } finally {
      this.doc.off("update", capture);
    }
    if (update === null) throw new Error(`client ${clientId}: the change made no update`);
    return update;
  }
}
