import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rssMiB } from "../bench/procfs.ts";
import { authed, connectClient, createDocument, login, type SyncedClient, waitFor } from "../support/clients.ts";
import { ATTACK_RSS_BOUND_MIB, awarenessMessage, deepJson, presenceJson } from "../support/peerMessages.ts";
import { openRawSocket } from "../support/rawSocket.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

/**
 * Presence (awareness) from a signed-in reader: poisoned, oversized, under a
 * colleague's client id or name. Raw y-protocols messages against the real server.
 */
describe("hostile presence", () => {
  let server: ServerProcess;
  let docId: string;
  let viewer: string;
  let a: SyncedClient;
  let b: SyncedClient;
  const accountName = async (secret: string) =>
    ((await (await fetch(`${server.httpUrl}/api/session`, authed(secret))).json()) as { user: { fullName: string } })
      .user.fullName;

  beforeAll(async () => {
    server = await startServerProcess({ env: { IDLE_UNLOAD_MS: "300" } });
    const methodist = await login(server.httpUrl, "methodist");
    docId = await createDocument(server.httpUrl, methodist);
    viewer = await login(server.httpUrl, "viewer");
    a = await connectClient(server.syncUrl, docId, methodist);
    b = await connectClient(server.syncUrl, docId, await login(server.httpUrl, "coordinator"));
    a.provider.awareness.setLocalState(JSON.parse(presenceJson("Методист")));
    await waitFor(() => b.provider.awareness.getStates().has(a.ydoc.clientID), "B sees A's presence");
  });
  afterAll(async () => {
    await server.stop();
  });

  /** B changes its presence and A sees it: whatever reached the server before is applied by then. */
  async function presenceRoundTrip(marker: string) {
    b.provider.awareness.setLocalStateField("cursor", { rowId: marker, colId: "measure" });
    await waitFor(
      () => (a.provider.awareness.getStates().get(b.ydoc.clientID)?.cursor as { rowId?: string })?.rowId === marker,
      `A sees B's cursor ${marker}`,
    );
  }

  it("refuses a message of a 20,000-deep state and a non-JSON one whole; every later join succeeds", async () => {
    const rssBefore = rssMiB(server.child.pid as number);
    const raw = await openRawSocket(server.syncUrl, docId, viewer);
    raw.ws.send(
      awarenessMessage([
        { clientId: 70_001, clock: 1, json: deepJson(20_000) },
        { clientId: 70_002, clock: 1, json: "{not json" },
      ]),
    );
    expect(await raw.closed).toBe(4400);
    const valid = await openRawSocket(server.syncUrl, docId, viewer);
    valid.ws.send(
      awarenessMessage([
        { clientId: 70_003, clock: 1, json: presenceJson("Читатель") },
        { clientId: 70_004, clock: 1, json: "{not json" },
      ]),
    );
    expect(await valid.closed).toBe(4400);
    await presenceRoundTrip("after-poison");
    for (const id of [70_001, 70_002, 70_003, 70_004]) expect(a.provider.awareness.getStates().has(id)).toBe(false);

    for (let i = 0; i < 20; i++) {
      const joiner = await connectClient(server.syncUrl, docId, viewer);
      await waitFor(() => joiner.provider.awareness.getStates().has(a.ydoc.clientID), `joiner ${i} sees A`);
      joiner.destroy();
    }
    const id = a.table().insertRow(0, { measure: "после атаки" });
    await waitFor(
      () =>
        b
          .table()
          .rows()
          .some((r) => r.id === id),
      "B sees A's row",
    );
    expect(rssMiB(server.child.pid as number) - rssBefore).toBeLessThan(ATTACK_RSS_BOUND_MIB);
  });

  it("refuses a 3.9 MB presence state; peers never receive it", async () => {
    const raw = await openRawSocket(server.syncUrl, docId, await login(server.httpUrl, "coordinator"));
    raw.ws.send(
      awarenessMessage([{ clientId: 70_010, clock: 1, json: presenceJson("К", { pad: "x".repeat(3_900_000) }) }]),
    );
    expect(await raw.closed).toBe(4400);
    await presenceRoundTrip("after-big");
    expect(a.provider.awareness.getStates().has(70_010)).toBe(false);
  });

  it("drops presence under a colleague's client id, to change it or to remove it", async () => {
    const victim = a.ydoc.clientID;
    const victimName = (b.provider.awareness.getStates().get(victim)?.user as { name: string } | undefined)?.name;
    const raws = [];
    for (const json of [presenceJson("Самозванец"), "null"]) {
      const raw = await openRawSocket(server.syncUrl, docId, viewer);
      raw.ws.send(awarenessMessage([{ clientId: victim, clock: 1_000_000, json }]));
      raws.push(raw);
    }
    await presenceRoundTrip("after-takeover");
    expect(b.provider.awareness.getStates().get(victim)?.user).toEqual(expect.objectContaining({ name: victimName }));
    expect(victimName).toBe(await accountName(await login(server.httpUrl, "methodist")));
    for (const raw of raws) raw.ws.close();
  });

  it("shows peers the account's own name, whatever name the client sends", async () => {
    const raw = await openRawSocket(server.syncUrl, docId, viewer);
    raw.ws.send(awarenessMessage([{ clientId: 70_020, clock: 1, json: presenceJson("Директор школы") }]));
    await waitFor(() => b.provider.awareness.getStates().has(70_020), "B sees the viewer's presence");
    const user = b.provider.awareness.getStates().get(70_020)?.user as { name: string };
    expect(user.name).toBe(await accountName(viewer));
    expect(user.name).not.toBe("Директор школы");
    raw.ws.close();
  });

  it("unloads the document once everyone has left, poisoning attempts included", async () => {
    a.destroy();
    b.destroy();
    await waitFor(
      async () =>
        ((await (await fetch(`${server.httpUrl}/api/health`)).json()) as { loadedDocuments: number })
          .loadedDocuments === 0,
      "the document is unloaded",
    );
  });
});
