import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { connectClient, createDocument, login, type SyncedClient, waitFor } from "../support/clients.ts";
import { openRawSocket } from "../support/rawSocket.ts";
import { makeDataDir, type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

const dbFile = (dataDir: string) => path.join(dataDir, "karta.sqlite");

describe("durable persistence", () => {
  const servers: ServerProcess[] = [];
  const clients: SyncedClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const s of servers.splice(0)) if (s.child.exitCode === null) await s.kill();
  });

  it("keeps an edit that reached a peer through a SIGKILL of the server and a restart", async () => {
    const dataDir = makeDataDir();
    const first = await startServerProcess({ dataDir });
    servers.push(first);
    const docId = await createDocument(first.httpUrl, await login(first.httpUrl, "methodist"));
    const a = await connectClient(first.syncUrl, docId, await login(first.httpUrl, "methodist"));
    const b = await connectClient(first.syncUrl, docId, await login(first.httpUrl, "methodist"));
    clients.push(a, b);
    const rowId = a.table().insertRow(0, { measure: "Собеседование с руководителями ШНОР" });
    a.table().setCell(rowId, "period", "Март-апрель 2022 года");
    await waitFor(() => b.table().rows()[0]?.cells.period === "Март-апрель 2022 года", "B sees the edit");

    await first.kill();
    for (const c of clients.splice(0)) c.destroy();

    const second = await startServerProcess({ dataDir });
    servers.push(second);
    const fresh = await connectClient(second.syncUrl, docId, await login(second.httpUrl, "methodist"));
    clients.push(fresh);
    expect(
      fresh
        .table()
        .rows()
        .map((r) => r.cells),
    ).toEqual([{ measure: "Собеседование с руководителями ШНОР", period: "Март-апрель 2022 года" }]);
  });

  it("compacts the log into a snapshot on a clean shutdown", async () => {
    const server = await startServerProcess();
    servers.push(server);
    const docId = await createDocument(server.httpUrl, await login(server.httpUrl, "methodist"));
    const a = await connectClient(server.syncUrl, docId, await login(server.httpUrl, "methodist"));
    clients.push(a);
    for (let i = 0; i < 20; i++) a.table().insertRow(i, { measure: `строка ${i + 1}` });
    const db = new Database(dbFile(server.dataDir), { readonly: true });
    const pending = () =>
      (db.prepare("SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?").get(docId) as { n: number }).n;
    await waitFor(() => pending() === 20, "20 updates appended to the log");
    expect(await server.stop()).toBe(0);
    expect(pending()).toBe(0);
    db.close();

    const again = await startServerProcess({ dataDir: server.dataDir });
    servers.push(again);
    const reader = await connectClient(again.syncUrl, docId, await login(again.httpUrl, "methodist"));
    clients.push(reader);
    expect(
      reader
        .table()
        .rows()
        .map((r) => r.cells.measure),
    ).toEqual(Array.from({ length: 20 }, (_, i) => `строка ${i + 1}`));
  });

  it("unloads an idle document after compacting it", async () => {
    const server = await startServerProcess({ env: { IDLE_UNLOAD_MS: "200" } });
    servers.push(server);
    const docId = await createDocument(server.httpUrl, await login(server.httpUrl, "methodist"));
    const a = await connectClient(server.syncUrl, docId, await login(server.httpUrl, "methodist"));
    a.table().insertRow(0, { measure: "x" });
    const health = async () =>
      (await (await fetch(`${server.httpUrl}/api/health`)).json()) as { loadedDocuments: number };
    expect((await health()).loadedDocuments).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    a.destroy();
    const start = Date.now();
    while ((await health()).loadedDocuments !== 0 && Date.now() - start < 5000)
      await new Promise((r) => setTimeout(r, 50));
    expect((await health()).loadedDocuments).toBe(0);
    const db = new Database(dbFile(server.dataDir), { readonly: true });
    // The document's own updates (the demo's seed may keep some of its own, e.g. marks after an approval).
    expect((db.prepare("SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?").get(docId) as { n: number }).n).toBe(
      0,
    );
    db.close();
  });

  it("writes nothing for a document whose stored state cannot be loaded", async () => {
    const dataDir = makeDataDir();
    const setup = await startServerProcess({ dataDir });
    const docId = await createDocument(setup.httpUrl, await login(setup.httpUrl, "methodist"));
    await setup.stop();
    const corrupt = new Database(dbFile(dataDir));
    corrupt
      .prepare("UPDATE doc_snapshots SET state = ? WHERE doc_id = ?")
      .run(Buffer.from([0xff, 0xff, 0xff, 0x07]), docId);
    corrupt.close();

    const server = await startServerProcess({ dataDir });
    servers.push(server);
    const raw = await openRawSocket(server.syncUrl, docId, await login(server.httpUrl, "methodist"));
    expect(await raw.closed).toBe(4500);
    await server.stop();
    const db = new Database(dbFile(dataDir), { readonly: true });
    expect((db.prepare("SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?").get(docId) as { n: number }).n).toBe(
      0,
    );
    const snapshot = db.prepare("SELECT state FROM doc_snapshots WHERE doc_id = ?").get(docId) as { state: Buffer };
    expect([...snapshot.state]).toEqual([0xff, 0xff, 0xff, 0x07]);
    db.close();
  });
});
