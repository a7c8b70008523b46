import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { authed, connectClient, login, waitFor } from "../support/clients.ts";
import { syncUpdateMessage } from "../support/rawSocket.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";
import { openTcpWebSocket, rawHttpRequest } from "../support/tcpWebSocket.ts";

interface Listed {
  id: string;
  organisationId: string;
}

/**
 * Requests and sockets that break HTTP or RFC 6455 on purpose, sent on bare
 * TCP: each must be answered or dropped without taking the process down.
 */
describe("requests no honest client sends", () => {
  let server: ServerProcess;
  let port: number;
  beforeAll(async () => {
    server = await startServerProcess();
    port = Number(new URL(server.httpUrl).port);
  });
  afterAll(async () => {
    await server.stop();
  });

  const stillServing = async () => {
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.httpUrl}/api/health`)).status).toBe(200);
  };

  it("answers request targets that are not plain paths, and keeps serving", async () => {
    expect(await rawHttpRequest(port, "GET // HTTP/1.1\r\nHost: x\r\n\r\n")).toMatch(/^HTTP\/1\.1 [2-4]\d\d /);
    expect(await rawHttpRequest(port, "GET * HTTP/1.1\r\nHost: x\r\n\r\n")).toMatch(/^HTTP\/1\.1 400 /);
    // The absolute form (RFC 9112 §3.2.2) is read for its path.
    expect(await rawHttpRequest(port, `GET ${server.httpUrl}/api/health HTTP/1.1\r\nHost: x\r\n\r\n`)).toMatch(
      /^HTTP\/1\.1 200 /,
    );
    await stillServing();
  });

  it("refuses an upgrade whose room name is broken percent-encoding (400), and keeps serving", async () => {
    const broken = openTcpWebSocket(port, "/sync/%E0%A4%A");
    expect(await broken.status).toMatch(/^HTTP\/1\.1 400 /);
    const doubleSlash = openTcpWebSocket(port, "//sync/x");
    expect(await doubleSlash.status).toMatch(/^HTTP\/1\.1 404 /);
    await stillServing();
  });

  it("cuts a refused socket that does not answer the close, instead of waiting 30 s for it", async () => {
    const socket = openTcpWebSocket(port, "/sync/SomeDocument");
    expect(await socket.status).toMatch(/^HTTP\/1\.1 101 /);
    await waitFor(() => socket.closeCodes.includes(4401), "refused: not signed in");
    await socket.ended;
  });

  it("survives a refused socket that then sends an unmasked frame", async () => {
    const socket = openTcpWebSocket(port, "/sync/SomeDocument");
    expect(await socket.status).toMatch(/^HTTP\/1\.1 101 /);
    await waitFor(() => socket.closeCodes.includes(4401), "refused: not signed in");
    socket.sendBinary(new Uint8Array([0]), { masked: false });
    await socket.ended;
    await stillServing();
  });
});

describe("a socket whose rights were revoked", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    await server.stop();
  });

  it("is heard no more, even if it ignores the close, and is cut", async () => {
    const port = Number(new URL(server.httpUrl).port);
    const coordinator = await login(server.httpUrl, "coordinator");
    const school5 = await login(server.httpUrl, "school5");
    const docs = (await (await fetch(`${server.httpUrl}/api/documents`, authed(school5))).json()) as Listed[];
    const docId = docs[0]?.id as string;
    const stubborn = openTcpWebSocket(port, `/sync/${docId}`, { cookie: `karta_session=${school5}` });
    expect(await stubborn.status).toMatch(/^HTTP\/1\.1 101 /);
    await waitFor(() => stubborn.messages.length > 0, "the document's sync step 1");

    const revoked = await fetch(
      `${server.httpUrl}/api/people/demo-school5/roles/demo-school5-school_team`,
      authed(coordinator, { method: "DELETE" }),
    );
    expect(revoked.status).toBe(200);
    await waitFor(() => stubborn.closeCodes.includes(4403), "the close frame: access revoked");

    // It does not answer the close, and writes on as if it still could.
    const doc = new Y.Doc();
    doc.getMap("table:measures").set(
      "after-revocation",
      new Y.Map<unknown>([
        ["order", "a0"],
        ["measure", "Вписано после отзыва роли"],
      ]),
    );
    stubborn.sendBinary(syncUpdateMessage(Y.encodeStateAsUpdate(doc)));
    // ws alone would wait 30 s for the answer; the server cuts it long before the test's own timeout.
    await stubborn.ended;

    const reader = await connectClient(server.syncUrl, docId, coordinator);
    expect(
      reader
        .table()
        .rows()
        .map((r) => r.cells.measure),
    ).not.toContain("Вписано после отзыва роли");
    reader.destroy();
  });
});
