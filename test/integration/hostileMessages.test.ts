import { MAX_SYNC_MESSAGE_BYTES } from "@karta/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectClient, createDocument, login, type SyncedClient, waitFor } from "../support/clients.ts";
import { openRawSocket, syncUpdateMessage } from "../support/rawSocket.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

const MiB = 1024 * 1024;

describe("a malformed or oversize message", () => {
  let server: ServerProcess;
  let docId: string;
  let a: SyncedClient;
  let b: SyncedClient;
  beforeAll(async () => {
    server = await startServerProcess();
    docId = await createDocument(server.httpUrl, await login(server.httpUrl, "methodist"));
    a = await connectClient(server.syncUrl, docId, await login(server.httpUrl, "methodist"));
    b = await connectClient(server.syncUrl, docId, await login(server.httpUrl, "methodist"));
  });
  afterAll(async () => {
    a.destroy();
    b.destroy();
    await server.stop();
  });

  /** After each attack, the honest clients still edit together. */
  async function honestClientsStillWork(text: string) {
    const id = a.table().insertRow(0, { measure: text });
    await waitFor(
      () =>
        b
          .table()
          .rows()
          .some((r) => r.id === id && r.cells.measure === text),
      `B sees «${text}»`,
    );
  }

  const cases: [string, () => Uint8Array | string, number][] = [
    ["an unknown message type", () => new Uint8Array([42, 1, 2, 3]), 4400],
    ["a truncated sync message", () => new Uint8Array([0, 2, 200]), 4400],
    ["garbage where a Yjs update should be", () => syncUpdateMessage(new Uint8Array([9, 9, 9, 9, 9, 9])), 4400],
    ["a text frame", () => "hello", 4400],
    // Sizes from the limit both sides share (12 MiB a message; a frame may be twice that).
    [
      "an update 1 MiB over the message limit",
      () => syncUpdateMessage(new Uint8Array(MAX_SYNC_MESSAGE_BYTES + MiB)),
      4413,
    ],
    ["a frame over the socket's own limit", () => new Uint8Array(2 * MAX_SYNC_MESSAGE_BYTES + MiB), 1009],
  ];

  for (const [what, payload, code] of cases) {
    it(`closes only that connection for ${what} (code ${code})`, async () => {
      const raw = await openRawSocket(server.syncUrl, docId, await login(server.httpUrl, "methodist"));
      raw.ws.send(payload());
      expect(await raw.closed).toBe(code);
      expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
      await honestClientsStillWork(what);
    });
  }

  it("takes a malformed state vector in a sync step 1 for the client's error, not the server's", async () => {
    const raw = await openRawSocket(server.syncUrl, docId, await login(server.httpUrl, "methodist"));
    // A step 1 whose state vector says 200 clients follow, and ends.
    raw.ws.send(new Uint8Array([0, 0, 2, 200, 1]));
    expect(await raw.closed).toBe(4400);
    await waitFor(() => /truncated or malformed message/.test(server.output()), "the reason is logged");
    expect(server.output()).not.toMatch(/unexpected error/);
  });

  it("stored nothing from the attacks: a fresh reader sees only the honest rows", async () => {
    const reader = await connectClient(server.syncUrl, docId, await login(server.httpUrl, "methodist"));
    expect(reader.table().rowCount()).toBe(cases.length);
    reader.destroy();
    const health = await fetch(`${server.httpUrl}/api/health`);
    expect(health.status).toBe(200);
  });
});
