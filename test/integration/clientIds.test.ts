import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { connectClient, createDocument, login, type SyncedClient, waitFor } from "../support/clients.ts";
import { gcStructUpdate } from "../support/peerMessages.ts";
import { openRawSocket, syncUpdateMessage } from "../support/rawSocket.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

/**
 * Yjs trusts client ids; the server must not. A colleague who may edit the
 * same document writes a GC struct at the victim's client id and the clocks
 * the victim's unsent offline edits use: before, every replica then took those
 * edits as already present and dropped them, and the server still called them saved.
 */
describe("a Yjs client id belongs to its writer", () => {
  let server: ServerProcess;
  let docId: string;
  let methodist: string;
  let coordinator: string;
  let victim: SyncedClient;

  beforeAll(async () => {
    server = await startServerProcess();
    methodist = await login(server.httpUrl, "methodist");
    coordinator = await login(server.httpUrl, "coordinator");
    docId = await createDocument(server.httpUrl, methodist);
    victim = await connectClient(server.syncUrl, docId, methodist);
  });
  afterAll(async () => {
    victim.destroy();
    await server.stop();
  });

  const rowsOfFreshReader = async () => {
    const reader = await connectClient(server.syncUrl, docId, coordinator);
    const rows = reader
      .table()
      .rows()
      .map((r) => r.cells.measure);
    reader.destroy();
    return rows;
  };

  it("refuses a colleague's update at the victim's client id; the victim's offline edits are stored on reconnect", async () => {
    victim.table().insertRow(0, { measure: "до отключения" });
    await waitFor(async () => (await rowsOfFreshReader()).includes("до отключения"), "the first row is stored");

    victim.provider.disconnect();
    const id = victim.ydoc.clientID;
    const clock = Y.getState(victim.ydoc.store, id);
    victim.table().insertRow(1, { measure: "без связи 1" });
    victim.table().insertRow(2, { measure: "без связи 2" });

    const squatter = await openRawSocket(server.syncUrl, docId, coordinator);
    squatter.ws.send(syncUpdateMessage(gcStructUpdate(id, clock, 1_000)));
    expect(await squatter.closed).toBe(4400);
    // The log line and the close travel on different pipes: wait for the line.
    const logged = new RegExp(`client id ${id} belongs to another person`);
    await waitFor(() => logged.test(server.output()), "the refusal is logged with its reason");

    victim.provider.connect();
    await waitFor(async () => {
      const rows = await rowsOfFreshReader();
      return rows.includes("без связи 1") && rows.includes("без связи 2");
    }, "the victim's offline rows are stored");
    expect(
      victim
        .table()
        .rows()
        .map((r) => r.cells.measure),
    ).toEqual(["до отключения", "без связи 1", "без связи 2"]);
  });

  it("refuses an update at a client id the server wrote (the template stamp)", async () => {
    const reader = await connectClient(server.syncUrl, docId, coordinator);
    const serverIds = [...reader.ydoc.store.clients.keys()].filter((c) => c !== victim.ydoc.clientID);
    expect(serverIds.length).toBeGreaterThan(0);
    const id = serverIds[0] as number;
    const next = Y.getState(reader.ydoc.store, id);
    reader.destroy();
    const squatter = await openRawSocket(server.syncUrl, docId, methodist);
    squatter.ws.send(syncUpdateMessage(gcStructUpdate(id, next, 10)));
    expect(await squatter.closed).toBe(4400);
  });

  it("lets the owner write on under its client id from a new connection, and keeps the ids after a restart", async () => {
    victim.provider.disconnect();
    await server.stop();
    server = await startServerProcess({ dataDir: server.dataDir });
    const squatter = await openRawSocket(server.syncUrl, docId, coordinator);
    const id = victim.ydoc.clientID;
    squatter.ws.send(syncUpdateMessage(gcStructUpdate(id, Y.getState(victim.ydoc.store, id), 5)));
    expect(await squatter.closed).toBe(4400);

    const again = await connectClient(server.syncUrl, docId, methodist);
    again.destroy();
    victim.table().insertRow(3, { measure: "после перезапуска" });
    // the same Y.Doc (client id) on a socket to the restarted server
    const provider = new WebsocketProvider(server.syncUrl, docId, victim.ydoc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { access_token: methodist },
    });
    await waitFor(async () => (await rowsOfFreshReader()).includes("после перезапуска"), "stored after the restart");
    provider.destroy();
  });
});
