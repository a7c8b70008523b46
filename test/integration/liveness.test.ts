import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { connectClient, createDocument, login } from "../support/clients.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

const PING_MS = 150;

/** The pinger drops sockets that stopped answering, and only those. */
describe("socket liveness", () => {
  let server: ServerProcess;
  let docId: string;
  beforeAll(async () => {
    server = await startServerProcess({ env: { PING_INTERVAL_MS: String(PING_MS) } });
    docId = await createDocument(server.httpUrl, await login(server.httpUrl, "methodist"));
  });
  afterAll(async () => {
    await server.stop();
  });

  it("keeps a connection that answers pings open across many ping intervals", async () => {
    const client = await connectClient(server.syncUrl, docId, await login(server.httpUrl, "methodist"));
    let closes = 0;
    client.provider.on("connection-close", () => closes++);
    await new Promise((r) => setTimeout(r, PING_MS * 8));
    expect(closes).toBe(0);
    expect(client.provider.wsconnected).toBe(true);
    client.destroy();
  });

  it("drops a connection that stopped answering pings (a laptop gone to sleep)", async () => {
    const secret = await login(server.httpUrl, "methodist");
    const ws = new WebSocket(`${server.syncUrl}/${docId}`, {
      autoPong: false,
      headers: { cookie: `karta_session=${secret}` },
    });
    const closed = new Promise<{ at: number; code: number }>((resolve) =>
      ws.on("close", (code) => resolve({ at: Date.now(), code })),
    );
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    const openedAt = Date.now();
    const { at, code } = await closed;
    // Terminated (no close frame: 1006), at the second tick after the first unanswered ping at most.
    expect(code).toBe(1006);
    expect(at - openedAt).toBeLessThan(PING_MS * 4);
  });
});
