import { EventEmitter } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterEach, describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { createLogger } from "../log.ts";
import { SqliteStore } from "../storage/SqliteStore.ts";
import { Connection, type ConnectionGrant } from "./Connection.ts";
import { type AppendedUpdate, DocRoom, type RoomHooks } from "./DocRoom.ts";
import { encodeUpdate, MessageType } from "./protocol.ts";

/**
 * Two rooms of one document, as two instances would hold it, on one store,
 * told of each other's appends and presence through the room's scale-out
 * seam (onAppended / applyAppended, onPresence / applyRelayedPresence) by a
 * relay that may lose messages, as Redis pub/sub may. Whatever is lost is
 * read from the log.
 */

/** What a socket needs to be a room's connection: it records what it is sent. */
class RecordingSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: Uint8Array[] = [];
  send(message: Uint8Array): void {
    this.sent.push(message);
  }
  pause(): void {}
  resume(): void {}
  close(): void {
    this.readyState = 3;
  }
  terminate(): void {
    this.readyState = 3;
  }
}

const grant = (accountId: string): ConnectionGrant => ({
  accountId,
  displayName: accountId,
  credentialId: `session-${accountId}`,
  expiresAt: null,
  level: "edit",
  canWrite: true,
  readOnlyReason: "",
});

/** A client: its own Y.Doc, and a socket to one room. */
function clientOf(room: DocRoom, accountId: string) {
  const socket = new RecordingSocket();
  const connection = new Connection(socket as unknown as WebSocket, room.docId, grant(accountId));
  room.join(connection);
  const doc = new Y.Doc();
  const applyReceived = () => {
    for (const message of socket.sent.splice(0)) {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== MessageType.Sync) continue;
      if (decoding.readVarUint(decoder) === 0) continue; // a step 1 (the room's greeting); step 2 and update carry an update
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
    }
  };
  return {
    connection,
    socket,
    doc,
    /** Sets a key of the root map "notes" and sends the change to the room. */
    write(key: string, value: string) {
      const before = Y.encodeStateVector(doc);
      doc.getMap("notes").set(key, value);
      room.receive(connection, encodeUpdate(Y.encodeStateAsUpdate(doc, before)));
    },
    /** The notes as this client has been sent them. */
    notes() {
      applyReceived();
      return doc.getMap("notes").toJSON();
    },
  };
}

describe("DocRoom across instances", () => {
  const dirs: string[] = [];
  const rooms: DocRoom[] = [];
  let store: SqliteStore;
  afterEach(async () => {
    for (const room of rooms.splice(0)) room.destroy();
    await store?.close();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Two rooms of one document; `deliver` decides which appends the relay passes on. */
  async function twoInstances(deliver: (entry: AppendedUpdate) => boolean = () => true) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "karta-rooms-"));
    dirs.push(dir);
    store = new SqliteStore(dir);
    const now = new Date().toISOString();
    await store.createDocument(
      {
        id: "doc-1",
        title: "Дорожная карта",
        templateId: "municipal-roadmap",
        templateVersion: 1,
        organisationId: null,
        organisation: "Славянский район",
        year: 2026,
        createdAt: now,
        updatedAt: now,
        status: "draft",
        order: null,
      },
      Y.encodeStateAsUpdate(new Y.Doc()),
    );
    const limits = { validate: () => null, maxBytes: 1_000_000 };
    const log = createLogger("silent");
    const relayed = { appends: 0, presence: 0 };
    const peers: { other?: DocRoom }[] = [{}, {}];
    const hooks = (me: { other?: DocRoom }): RoomHooks => ({
      onFailure: () => {},
      onRefused: () => {},
      onStored: () => {},
      onAppended: (entry) => {
        relayed.appends++;
        if (deliver(entry)) me.other?.applyAppended([entry]);
      },
      onPresence: (update) => {
        relayed.presence++;
        me.other?.applyRelayedPresence(update);
      },
    });
    const [a, b] = await Promise.all(
      peers.map(async (me) => DocRoom.load("doc-1", await store.loadState("doc-1"), store, log, limits, hooks(me))),
    );
    if (!a || !b) throw new Error("rooms did not load");
    (peers[0] as { other?: DocRoom }).other = b;
    (peers[1] as { other?: DocRoom }).other = a;
    rooms.push(a, b);
    return { a, b, relayed };
  }

  it("sends an edit stored by one instance to the sockets of the other, once", async () => {
    const { a, b, relayed } = await twoInstances();
    const anna = clientOf(a, "anna");
    const boris = clientOf(b, "boris");
    anna.write("1", "от Анны");
    await expect.poll(() => boris.notes()).toEqual({ 1: "от Анны" });
    boris.write("2", "от Бориса");
    await expect.poll(() => anna.notes()).toEqual({ 1: "от Анны", 2: "от Бориса" });
    expect(relayed.appends).toBe(2);
    // Both rooms hold both entries: another relay of them changes and sends nothing.
    const loaded = await store.loadSince("doc-1", 0);
    a.applyAppended(loaded.updates.map((u) => ({ ...u, accountId: null, clientIds: [] })));
    await a.catchUp();
    expect(anna.socket.sent).toEqual([]);
    expect(boris.notes()).toEqual({ 1: "от Анны", 2: "от Бориса" });
  });

  it("reads an append the relay lost from the log once a later one arrives, and on catchUp", async () => {
    let lose = true;
    const { a, b } = await twoInstances(() => !lose);
    const anna = clientOf(a, "anna");
    const boris = clientOf(b, "boris");
    // Lost, and nothing after it: B learns of it only when it catches up (as after a reconnect to Redis).
    anna.write("1", "потеряно");
    await expect.poll(async () => (await store.loadSince("doc-1", 0)).updates.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(boris.notes()).toEqual({});
    await b.catchUp();
    expect(boris.notes()).toEqual({ 1: "потеряно" });
    // Lost, then a later one arrives: the gap is filled from the log without being asked.
    anna.write("2", "тоже потеряно");
    await new Promise((resolve) => setTimeout(resolve, 50));
    lose = false;
    anna.write("3", "дошло");
    await expect.poll(() => boris.notes()).toEqual({ 1: "потеряно", 2: "тоже потеряно", 3: "дошло" });
  });

  it("relays presence to the other instance's sockets without sending it back", async () => {
    const { a, b, relayed } = await twoInstances();
    const anna = clientOf(a, "anna");
    const boris = clientOf(b, "boris");
    boris.socket.sent.splice(0);
    const awareness = new awarenessProtocol.Awareness(anna.doc);
    awareness.setLocalState({ cursor: { row: 1 } });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [anna.doc.clientID]));
    a.receive(anna.connection, encoding.toUint8Array(encoder));
    expect(relayed.presence).toBe(1);
    expect(b.awareness.getStates().get(anna.doc.clientID)).toMatchObject({ cursor: { row: 1 } });
    expect(boris.socket.sent.some((m) => m[0] === MessageType.Awareness)).toBe(true);
    // Anna leaves A: B's sockets see her go.
    a.leave(anna.connection);
    expect(relayed.presence).toBe(2);
    expect(b.awareness.getStates().has(anna.doc.clientID)).toBe(false);
    awareness.destroy();
  });

  it("compacts with the other instance appending, losing nothing", async () => {
    const { a, b } = await twoInstances();
    const anna = clientOf(a, "anna");
    const boris = clientOf(b, "boris");
    for (let i = 0; i < 5; i++) {
      anna.write(`a${i}`, "А");
      boris.write(`b${i}`, "Б");
    }
    await Promise.all([a.flush(), b.flush()]);
    const fresh = new Y.Doc();
    const state = await store.loadState("doc-1");
    for (const update of [...state.snapshot, ...state.updates]) Y.applyUpdate(fresh, update);
    expect(Object.keys(fresh.getMap("notes").toJSON()).sort()).toEqual(
      ["a0", "a1", "a2", "a3", "a4", "b0", "b1", "b2", "b3", "b4"].sort(),
    );
    fresh.destroy();
  });
});
