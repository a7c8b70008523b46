import { readThreads } from "@karta/doc";
import { MAX_SYNC_MESSAGE_BYTES, READ_ONLY_REASON } from "@karta/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { authed, connectClient, login, waitFor } from "../support/clients.ts";
import {
  commentThreadUpdate,
  handMadeUpdate,
  newRowUpdate,
  permissionDeniedReason,
} from "../support/protocolMessages.ts";
import { openRawSocket, syncUpdateMessage } from "../support/rawSocket.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

interface Listed {
  id: string;
  organisationId: string;
  template: string;
}

/** Who may open and change which document, decided by the server, against clients speaking the protocol by hand. */
describe("websocket authorisation", () => {
  let server: ServerProcess;
  let school5: string;
  let curator: string;
  let coordinator: string;
  let viewer: string;
  let school5Doc: string;
  let school7Doc: string;
  let roadmapDoc: string;

  beforeAll(async () => {
    server = await startServerProcess({ env: { PING_INTERVAL_MS: "200" } });
    school5 = await login(server.httpUrl, "school5");
    curator = await login(server.httpUrl, "curator");
    coordinator = await login(server.httpUrl, "coordinator");
    viewer = await login(server.httpUrl, "viewer");
    const all = (await (await fetch(`${server.httpUrl}/api/documents`, authed(coordinator))).json()) as Listed[];
    const docOf = (org: string) => all.find((d) => d.organisationId === org)?.id as string;
    school5Doc = docOf("slav-sosh-5");
    school7Doc = docOf("slav-oosh-7");
    roadmapDoc = docOf("slavyansky-rayon");
  });
  afterAll(async () => {
    await server.stop();
  });

  it("refuses a socket without a session (4401) or with an unknown one, sending nothing of the document", async () => {
    for (const secret of [undefined, "forged-session-value"]) {
      const raw = await openRawSocket(server.syncUrl, school5Doc, secret);
      expect(await raw.closed).toBe(4401);
      expect(raw.received).toEqual([]);
    }
  });

  it("refuses school5 another school's document at the upgrade (4403), sending nothing", async () => {
    for (const room of [school7Doc, roadmapDoc, `${school7Doc}:comments`]) {
      const raw = await openRawSocket(server.syncUrl, room, school5);
      expect(await raw.closed).toBe(4403);
      expect(raw.received).toEqual([]);
    }
  });

  it("refuses a socket opened with the cookie by another site's page (4403)", async () => {
    const port = new URL(server.httpUrl).port;
    const evil = await openRawSocket(server.syncUrl, school5Doc, school5, { origin: "http://evil.example" });
    expect(await evil.closed).toBe(4403);
    expect(evil.received).toEqual([]);
    const own = await openRawSocket(server.syncUrl, school5Doc, school5, { origin: `http://127.0.0.1:${port}` });
    expect(own.ws.readyState).toBe(own.ws.OPEN);
    own.ws.close();
  });

  it("refuses a curator's update to the school's content, tells why, and keeps the connection", async () => {
    const school = await connectClient(server.syncUrl, school5Doc, school5);
    const rowsBefore = school.table().rowCount();
    const raw = await openRawSocket(server.syncUrl, school5Doc, curator);
    raw.ws.send(newRowUpdate("Вписано куратором"));
    await waitFor(() => raw.received.some((m) => permissionDeniedReason(m) === READ_ONLY_REASON), "told read-only");
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);

    // A stock provider as the curator: its edit goes nowhere either.
    const curatorClient = await connectClient(server.syncUrl, school5Doc, curator);
    curatorClient.table().insertRow(0, { measure: "Тоже куратором" });
    // The school's own edit still reaches the curator live.
    school.table().insertRow(0, { measure: "Правка школы" });
    await waitFor(
      () =>
        curatorClient
          .table()
          .rows()
          .some((r) => r.cells.measure === "Правка школы"),
      "the curator sees the school's edit",
    );

    const fresh = await connectClient(server.syncUrl, school5Doc, school5);
    const measures = fresh
      .table()
      .rows()
      .map((r) => r.cells.measure);
    expect(measures).toContain("Правка школы");
    expect(measures).not.toContain("Вписано куратором");
    expect(measures).not.toContain("Тоже куратором");
    expect(fresh.table().rowCount()).toBe(rowsBefore + 1);
    for (const c of [school, curatorClient, fresh]) c.destroy();
    raw.ws.close();
  });

  it("lets the curator write the comments document while the viewer may only read it", async () => {
    const room = `${school5Doc}:comments`;
    const curatorSocket = await openRawSocket(server.syncUrl, room, curator);
    curatorSocket.ws.send(await commentThreadUpdate(server.httpUrl, curator, "Уточните сроки мероприятия 3"));
    const viewerSocket = await openRawSocket(server.syncUrl, room, viewer);
    viewerSocket.ws.send(await commentThreadUpdate(server.httpUrl, viewer, "Наблюдатель"));
    await waitFor(
      () => viewerSocket.received.some((m) => permissionDeniedReason(m) === READ_ONLY_REASON),
      "viewer refused",
    );

    const reader = await connectComments(server, room, school5);
    expect(readThreads(reader).map((t) => t.comments.map((c) => c.text))).toEqual([["Уточните сроки мероприятия 3"]]);
    curatorSocket.ws.close();
    viewerSocket.ws.close();
  });

  it("closes the connection of a person whose role is revoked, within 2 seconds", async () => {
    const viewerClient = await connectClient(server.syncUrl, roadmapDoc, viewer);
    const closed = new Promise<{ code: number; at: number }>((resolve) =>
      viewerClient.provider.ws?.addEventListener("close", (e) => resolve({ code: e.code, at: Date.now() })),
    );
    const started = Date.now();
    const res = await fetch(
      `${server.httpUrl}/api/people/demo-viewer/roles/demo-viewer-viewer`,
      authed(coordinator, { method: "DELETE" }),
    );
    expect(res.status).toBe(200);
    const { code, at } = await closed;
    expect(code).toBe(4403);
    expect(at - started).toBeLessThan(2000);
    viewerClient.destroy();
    // And the next attempt is refused at the upgrade.
    expect(await (await openRawSocket(server.syncUrl, roadmapDoc, viewer)).closed).toBe(4403);
  });

  it("closes a curator's socket when the school is taken off their list", async () => {
    const raw = await openRawSocket(server.syncUrl, school5Doc, curator);
    const res = await fetch(
      `${server.httpUrl}/api/people/demo-curator/curated-schools`,
      authed(coordinator, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ schoolIds: ["slav-oosh-7"] }),
      }),
    );
    expect(res.status).toBe(200);
    expect(await raw.closed).toBe(4403);
  });

  it("closes the sockets of a session that logs out (4401)", async () => {
    const secret = await login(server.httpUrl, "school5");
    const raw = await openRawSocket(server.syncUrl, school5Doc, secret);
    expect((await fetch(`${server.httpUrl}/api/session`, authed(secret, { method: "DELETE" }))).status).toBe(204);
    expect(await raw.closed).toBe(4401);
    expect((await openRawSocket(server.syncUrl, school5Doc, secret)).received).toEqual([]);
  });
});

describe("an expired session", () => {
  it("is refused at the upgrade, and its open sockets are closed when it ends (4401)", async () => {
    const server = await startServerProcess({ env: { SESSION_TTL_MS: "1500", PING_INTERVAL_MS: "200" } });
    try {
      const secret = await login(server.httpUrl, "school5");
      const docs = (await (await fetch(`${server.httpUrl}/api/documents`, authed(secret))).json()) as Listed[];
      const raw = await openRawSocket(server.syncUrl, docs[0]?.id as string, secret);
      expect(await raw.closed).toBe(4401);
      const again = await openRawSocket(server.syncUrl, docs[0]?.id as string, secret);
      expect(await again.closed).toBe(4401);
      expect((await fetch(`${server.httpUrl}/api/documents`, authed(secret))).status).toBe(401);
    } finally {
      await server.stop();
    }
  });
});

describe("hand-made updates to a content document", () => {
  let server: ServerProcess;
  let methodist: string;
  let docId: string;
  let before: unknown;
  beforeAll(async () => {
    server = await startServerProcess();
    methodist = await login(server.httpUrl, "methodist");
    const docs = (await (await fetch(`${server.httpUrl}/api/documents`, authed(methodist))).json()) as Listed[];
    docId = docs.find((d) => d.template === "municipal-roadmap")?.id as string;
    const reader = await connectClient(server.syncUrl, docId, methodist);
    before = reader.table().rows();
    reader.destroy();
  });
  afterAll(async () => {
    await server.stop();
  });

  const attacks: [string, () => Uint8Array, number][] = [
    ["an unknown root", () => handMadeUpdate((d) => d.getMap("evil").set("x", 1)), 4400],
    ["a text root posing as a table", () => handMadeUpdate((d) => d.getText("table:measures").insert(0, "x")), 4400],
    [
      "a non-primitive value in a cell",
      () =>
        handMadeUpdate((d) =>
          d.getMap("table:measures").set(
            "r1",
            new Y.Map<unknown>([
              ["order", "a0"],
              ["measure", new Y.Map([["html", "<script>"]])],
            ]),
          ),
        ),
      4400,
    ],
    [
      "an object in a cell",
      () =>
        handMadeUpdate((d) =>
          d.getMap("table:measures").set(
            "r2",
            new Y.Map<unknown>([
              ["order", "a0"],
              ["measure", { nested: true }],
            ]),
          ),
        ),
      4400,
    ],
    [
      "a column the template does not have",
      () =>
        handMadeUpdate((d) =>
          d.getMap("table:measures").set(
            "r3",
            new Y.Map<unknown>([
              ["order", "a0"],
              ["salary", "1"],
            ]),
          ),
        ),
      4400,
    ],
    ["a rewrite of the template stamp", () => handMadeUpdate((d) => d.getMap("meta").set("templateId", "x")), 4400],
    [
      "a message over the socket's frame limit",
      () => syncUpdateMessage(new Uint8Array(2 * MAX_SYNC_MESSAGE_BYTES + 1024 * 1024)),
      1009,
    ],
  ];

  for (const [what, message, code] of attacks) {
    it(`refuses ${what} (close ${code})`, async () => {
      const raw = await openRawSocket(server.syncUrl, docId, methodist);
      raw.ws.send(message());
      expect(await raw.closed).toBe(code);
    });
  }

  it("kept the stored document valid and loadable, before and after a restart", async () => {
    const reader = await connectClient(server.syncUrl, docId, methodist);
    expect(reader.table().rows()).toEqual(before);
    // The template's roots and nothing a hostile update tried to add.
    expect([...reader.ydoc.share.keys()].sort()).toEqual(["meta", "section:preamble", "table:measures"]);
    reader.destroy();
    await server.stop();
    server = await startServerProcess({ dataDir: server.dataDir });
    const afterRestart = await connectClient(server.syncUrl, docId, await login(server.httpUrl, "methodist"));
    expect(afterRestart.table().rows()).toEqual(before);
    afterRestart.destroy();
  });

  it("still accepts a valid hand-made row from someone who may edit", async () => {
    const raw = await openRawSocket(server.syncUrl, docId, methodist);
    raw.ws.send(newRowUpdate("Рукописная строка"));
    const reader = await connectClient(server.syncUrl, docId, methodist);
    await waitFor(
      () =>
        reader
          .table()
          .rows()
          .some((r) => r.cells.measure === "Рукописная строка"),
      "valid row stored",
    );
    reader.destroy();
    raw.ws.close();
  });
});

/** A stock provider on a comments room (no template stamp there), synced. */
async function connectComments(server: ServerProcess, room: string, secret: string): Promise<Y.Doc> {
  const { WebsocketProvider } = await import("y-websocket");
  const { WebSocket } = await import("ws");
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.syncUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { access_token: secret },
  });
  await waitFor(() => provider.synced, "comments synced");
  await waitFor(() => doc.getMap("threads").size > 0, "comments arrived");
  provider.destroy();
  return doc;
}
