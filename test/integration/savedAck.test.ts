import { READ_ONLY_REASON, SAVED_MESSAGE_TYPE } from "@karta/schema";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { stateVectorCovers } from "../../apps/web/src/document/stateVectorCovers.ts";
import { authed, connectClient, createDocument, login, type SyncedClient, waitFor } from "../support/clients.ts";
import {
  isSyncStep2,
  messageType,
  newRow,
  newRowUpdate,
  permissionDeniedReason,
  savedMessage,
  syncStep1Message,
} from "../support/protocolMessages.ts";
import { openRawSocket, type RawSocket, syncUpdateMessage } from "../support/rawSocket.ts";
import { makeDataDir, type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

const savedOf = (raw: RawSocket) => raw.received.map(savedMessage).filter((m) => m !== null);

/**
 * Every message before a step 1 has been handled once its step 2 comes back:
 * the server answers a step 1 through the same queue as updates.
 */
async function roundTrip(raw: RawSocket): Promise<void> {
  const before = raw.received.filter(isSyncStep2).length;
  raw.ws.send(syncStep1Message());
  await waitFor(() => raw.received.filter(isSyncStep2).length > before, "the step 2 answering a step 1");
}

/** The saved message (SAVED_MESSAGE_TYPE), against a real server process. */
describe("the server's saved message", () => {
  const servers: ServerProcess[] = [];
  const clients: SyncedClient[] = [];
  const sockets: RawSocket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.ws.close();
    for (const c of clients.splice(0)) c.destroy();
    for (const s of servers.splice(0)) if (s.child.exitCode === null) await s.kill();
    vi.restoreAllMocks();
  });

  it("is sent to a socket that asked, only once its update is in the durable log", async () => {
    const dataDir = makeDataDir();
    const first = await startServerProcess({ dataDir });
    servers.push(first);
    const methodist = await login(first.httpUrl, "methodist");
    const docId = await createDocument(first.httpUrl, methodist);
    const raw = await openRawSocket(first.syncUrl, `${docId}?saved=1`, methodist);
    sockets.push(raw);
    const row = newRow("Записано до подтверждения");
    raw.ws.send(syncUpdateMessage(row.update));
    await waitFor(() => savedOf(raw).length > 0, "a saved message");
    // Killed the moment the receipt arrives: no flush, no goodbye.
    await first.kill();

    const [saved] = savedOf(raw);
    expect(saved?.count).toBe(1);
    expect(stateVectorCovers(saved?.stateVector ?? new Map(), row.stateVector)).toBe(true);

    const second = await startServerProcess({ dataDir });
    servers.push(second);
    const reader = await connectClient(second.syncUrl, docId, await login(second.httpUrl, "methodist"));
    clients.push(reader);
    expect(
      reader
        .table()
        .rows()
        .map((r) => r.cells.measure),
    ).toContain("Записано до подтверждения");

    // Sent again (a client resending after a reconnect): nothing new to store, still acknowledged.
    const again = await openRawSocket(second.syncUrl, `${docId}?saved=1`, await login(second.httpUrl, "methodist"));
    sockets.push(again);
    again.ws.send(syncUpdateMessage(row.update));
    await waitFor(() => savedOf(again).length > 0, "a saved message for an update the server had");
    expect(savedOf(again)[0]?.count).toBe(1);
    expect(stateVectorCovers(savedOf(again)[0]?.stateVector ?? new Map(), row.stateVector)).toBe(true);

    // Several updates in a row: the last receipt counts them all.
    for (const measure of ["Раз", "Два", "Три"]) again.ws.send(newRowUpdate(measure));
    await waitFor(() => savedOf(again).at(-1)?.count === 4, "a saved message counting four updates");
  });

  it("is never sent to a socket that did not ask, such as a stock WebsocketProvider", async () => {
    const server = await startServerProcess();
    servers.push(server);
    const methodist = await login(server.httpUrl, "methodist");
    const docId = await createDocument(server.httpUrl, methodist);

    const raw = await openRawSocket(server.syncUrl, docId, methodist);
    sockets.push(raw);
    raw.ws.send(newRowUpdate("Без подтверждения"));
    await roundTrip(raw);
    expect(raw.received.map(messageType)).not.toContain(SAVED_MESSAGE_TYPE);

    // y-websocket logs a message type it does not know as an error.
    const errors = vi.spyOn(console, "error");
    const stock = await connectClient(server.syncUrl, docId, methodist);
    clients.push(stock);
    const received: Uint8Array[] = [];
    stock.provider.ws?.addEventListener("message", (event) => received.push(new Uint8Array(event.data as ArrayBuffer)));
    const rowId = stock.table().insertRow(0, { measure: "Правка обычного клиента" });
    const reader = await connectClient(server.syncUrl, docId, methodist);
    clients.push(reader);
    expect(
      reader
        .table()
        .rows()
        .some((r) => r.id === rowId),
    ).toBe(true);
    // The stock provider's edit is stored; anything the server sent it since has arrived after a round trip.
    const before = received.length;
    stock.provider.ws?.send(syncStep1Message());
    await waitFor(() => received.slice(before).some(isSyncStep2), "the stock provider's round trip");
    expect(received.map(messageType)).not.toContain(SAVED_MESSAGE_TYPE);
    expect(errors).not.toHaveBeenCalled();
  });

  it("is not sent for a read-only connection's refused update, nor for any update after it", async () => {
    const server = await startServerProcess();
    servers.push(server);
    const coordinator = await login(server.httpUrl, "coordinator");
    const curator = await login(server.httpUrl, "curator");
    const all = (await (await fetch(`${server.httpUrl}/api/documents`, authed(coordinator))).json()) as {
      id: string;
      organisationId: string;
    }[];
    const school5Doc = all.find((d) => d.organisationId === "slav-sosh-5")?.id as string;

    const raw = await openRawSocket(server.syncUrl, `${school5Doc}?saved=1`, curator);
    sockets.push(raw);
    // Its sync reply holds nothing new: that much is "saved" for a reader too.
    raw.ws.send(syncUpdateMessage(Y.encodeStateAsUpdate(new Y.Doc())));
    await waitFor(() => savedOf(raw).length === 1, "the empty step 2 acknowledged");
    raw.ws.send(newRowUpdate("Вписано куратором"));
    await waitFor(() => raw.received.some((m) => permissionDeniedReason(m) === READ_ONLY_REASON), "told read-only");
    await roundTrip(raw);
    expect(savedOf(raw).map((m) => m.count)).toEqual([1]);
    // Nor afterwards: "your first 3 updates are stored" would cover the refused one.
    raw.ws.send(syncUpdateMessage(Y.encodeStateAsUpdate(new Y.Doc())));
    await roundTrip(raw);
    expect(savedOf(raw).map((m) => m.count)).toEqual([1]);
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
  });
});
