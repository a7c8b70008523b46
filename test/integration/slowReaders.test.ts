import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rssMiB } from "../bench/procfs.ts";
import { connectClient, createDocument, login, type SyncedClient, waitFor } from "../support/clients.ts";
import { ATTACK_RSS_BOUND_MIB, awarenessMessage, PRESENCE_QUERY, presenceJson } from "../support/peerMessages.ts";
import { syncStep1Message } from "../support/protocolMessages.ts";
import { openRawSocket, type RawSocket } from "../support/rawSocket.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";
import { openTcpWebSocket } from "../support/tcpWebSocket.ts";

/** The server's limits (server/src/limits.ts), as a client meets them. */
const MESSAGE_BURST = 400;
const MAX_SOCKETS_PER_CREDENTIAL = 64;

/**
 * Readers that ask and never read, flood, or open sockets without end: the
 * server's memory stays bounded and the honest clients of the document keep syncing.
 */
describe("a reader that does not read, or sends without end", () => {
  let server: ServerProcess;
  let docId: string;
  let viewer: string;
  let a: SyncedClient;
  let b: SyncedClient;
  const rss = () => rssMiB(server.child.pid as number);

  beforeAll(async () => {
    server = await startServerProcess();
    const methodist = await login(server.httpUrl, "methodist");
    docId = await createDocument(server.httpUrl, methodist);
    viewer = await login(server.httpUrl, "viewer");
    a = await connectClient(server.syncUrl, docId, methodist);
    b = await connectClient(server.syncUrl, docId, await login(server.httpUrl, "coordinator"));
    // A 2 MB document: 200 rows of 10,000 characters.
    a.ydoc.transact(() => {
      for (let i = 0; i < 200; i++) a.table().insertRow(i, { measure: `${i} ${"м".repeat(10_000)}` });
    });
    await waitFor(() => b.table().rowCount() === 200, "B has the 2 MB document", 15_000);
  });
  afterAll(async () => {
    a.destroy();
    b.destroy();
    await server.stop();
  });

  /** A edits, B sees it: the document still syncs for everyone else. */
  async function honestEdit(text: string) {
    const id = a.table().insertRow(0, { measure: text });
    await waitFor(
      () =>
        b
          .table()
          .rows()
          .some((r) => r.id === id),
      `B sees «${text}»`,
    );
  }

  /** Samples the server's RSS while honest clients edit for a few rounds; the highest sample. */
  async function peakRssWhileEditing(label: string): Promise<number> {
    let peak = rss();
    for (let i = 0; i < 30; i++) {
      await honestEdit(`${label} ${i}`);
      await new Promise((r) => setTimeout(r, 200));
      peak = Math.max(peak, rss());
    }
    return peak;
  }

  it("answers 200 requests for the whole document from a socket that reads nothing without holding 200 copies", async () => {
    const before = rss();
    const tcp = openTcpWebSocket(server.port, `/sync/${docId}`, { cookie: `karta_session=${viewer}` });
    expect(await tcp.status).toContain("101");
    tcp.stopReading();
    for (let i = 0; i < 200; i++) tcp.sendBinary(syncStep1Message());
    const peak = await peakRssWhileEditing("шаг 1");
    expect(peak - before).toBeLessThan(ATTACK_RSS_BOUND_MIB);
    tcp.destroy();
  });

  it("answers presence queries of a socket that reads nothing without buffering each answer", async () => {
    const publishers: RawSocket[] = [];
    for (let i = 0; i < 30; i++) {
      const raw = await openRawSocket(server.syncUrl, docId, viewer);
      raw.ws.send(
        awarenessMessage([{ clientId: 80_000 + i, clock: 1, json: presenceJson("В", { pad: "x".repeat(7_900) }) }]),
      );
      publishers.push(raw);
    }
    await waitFor(() => b.provider.awareness.getStates().size >= 30, "B sees the thirty presences");
    const before = rss();
    const tcp = openTcpWebSocket(server.port, `/sync/${docId}`, { cookie: `karta_session=${viewer}` });
    expect(await tcp.status).toContain("101");
    tcp.stopReading();
    // Under the burst, so the socket is not closed for flooding: each answer would be ~240 kB.
    for (let i = 0; i < MESSAGE_BURST - 10; i++) tcp.sendBinary(PRESENCE_QUERY);
    const peak = await peakRssWhileEditing("присутствие");
    expect(peak - before).toBeLessThan(ATTACK_RSS_BOUND_MIB);
    expect(tcp.closeCodes).toEqual([]);
    tcp.destroy();
    for (const raw of publishers) raw.ws.close();
  });

  it("closes a socket that sends a flood at once (4429); the others keep editing", async () => {
    const tcp = openTcpWebSocket(server.port, `/sync/${docId}`, { cookie: `karta_session=${viewer}` });
    expect(await tcp.status).toContain("101");
    tcp.sendAtOnce(Array.from({ length: 3 * MESSAGE_BURST }, () => PRESENCE_QUERY));
    await tcp.ended;
    expect(tcp.closeCodes).toEqual([4429]);
    await honestEdit("после потока");
  });

  it("does not close a socket that goes over its budget by less than a burst, and answers everything", async () => {
    const raw = await openRawSocket(server.syncUrl, docId, viewer);
    const sent = MESSAGE_BURST + MESSAGE_BURST / 2;
    for (let i = 0; i < sent; i++) raw.ws.send(PRESENCE_QUERY);
    await waitFor(() => raw.received.filter((m) => m[0] === 1).length >= sent, "every query answered", 10_000);
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();
  });

  it("lets go of a socket that falls more than 8 MiB behind what it is sent (4503); the others keep editing", async () => {
    const busy = await createDocument(server.httpUrl, await login(server.httpUrl, "methodist"));
    const writer = await connectClient(server.syncUrl, busy, await login(server.httpUrl, "methodist"));
    const tcp = openTcpWebSocket(server.port, `/sync/${busy}`, { cookie: `karta_session=${viewer}` });
    expect(await tcp.status).toContain("101");
    tcp.stopReading();
    const fellBehind = () => /closing a connection that fell behind/.test(server.output());
    // Up to 38 MB of edits in 1 MB updates, each broadcast to the socket that reads nothing.
    for (let i = 0; i < 40 && !fellBehind(); i++) {
      writer.ydoc.transact(() => {
        for (let j = 0; j < 25; j++) writer.table().insertRow(0, { measure: `${i}.${j} ${"ж".repeat(19_000)}` });
      });
      await new Promise((r) => setTimeout(r, 100));
    }
    await waitFor(fellBehind, "the server lets the socket go");
    tcp.destroy();
    writer.destroy();
    await honestEdit("после отставшего");
  });

  it(`accepts ${MAX_SOCKETS_PER_CREDENTIAL} sockets of one session and refuses the next (4429)`, async () => {
    const session = await login(server.httpUrl, "viewer");
    const open: RawSocket[] = [];
    for (let i = 0; i < MAX_SOCKETS_PER_CREDENTIAL; i++) open.push(await openRawSocket(server.syncUrl, docId, session));
    const extra = await openRawSocket(server.syncUrl, docId, session);
    expect(await extra.closed).toBe(4429);
    for (const raw of open) expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    for (const raw of open) raw.ws.close();
    await Promise.all(open.map((raw) => raw.closed));
    const again = await openRawSocket(server.syncUrl, docId, session);
    expect(again.ws.readyState).toBe(again.ws.OPEN);
    again.ws.close();
    await honestEdit("после сокетов");
  });
});
