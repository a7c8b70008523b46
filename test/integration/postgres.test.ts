import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import {
  createTestSchema,
  describePostgres,
  queryTestSchema,
  testDatabaseUrlFor,
} from "../../server/src/storage/postgres/testPostgres.ts";
import { connectClient, createDocument, login, type SyncedClient, waitFor } from "../support/clients.ts";
import { adminEntry, makeDataDir, type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

/**
 * The real server process with DATABASE_URL: its documents, accounts and
 * sessions in PostgreSQL (a schema of this file's own), nothing in SQLite.
 */
describePostgres("the server on PostgreSQL (DATABASE_URL)", () => {
  let schema: { schema: string; drop(): Promise<void> };
  let env: Record<string, string>;
  const servers: ServerProcess[] = [];
  const clients: SyncedClient[] = [];
  beforeAll(async () => {
    schema = await createTestSchema();
    env = { DATABASE_URL: testDatabaseUrlFor(schema.schema), DEMO_DATA: "1" };
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const s of servers.splice(0)) if (s.child.exitCode === null) await s.kill();
  });
  afterAll(async () => {
    await schema?.drop();
  });
  const start = async () => {
    const server = await startServerProcess({ dataDir: makeDataDir(), env });
    servers.push(server);
    return server;
  };
  const cellsOf = (client: SyncedClient) =>
    client
      .table()
      .rows()
      .map((r) => r.cells);
  const loggedUpdates = async (docId: string) =>
    (
      await queryTestSchema<{ n: number }>(
        schema.schema,
        "SELECT count(*)::int AS n FROM doc_updates WHERE doc_id = $1",
        [docId],
      )
    )[0]?.n;

  it("keeps an edit made over a socket through a SIGKILL and a restart with another data directory", async () => {
    const first = await start();
    const docId = await createDocument(first.httpUrl, await login(first.httpUrl, "methodist"));
    const a = await connectClient(first.syncUrl, docId, await login(first.httpUrl, "methodist"));
    const b = await connectClient(first.syncUrl, docId, await login(first.httpUrl, "methodist"));
    clients.push(a, b);
    const rowId = a.table().insertRow(0, { measure: "Собеседование с руководителями ШНОР" });
    a.table().setCell(rowId, "period", "Март-апрель 2022 года");
    await waitFor(() => b.table().rows()[0]?.cells.period === "Март-апрель 2022 года", "B sees the edit");
    // It reached a peer, so it is in PostgreSQL's log; SQLite was never opened.
    expect(await loggedUpdates(docId)).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(first.dataDir, "karta.sqlite"))).toBe(false);

    await first.kill();
    for (const c of clients.splice(0)) c.destroy();

    // A new process with an empty data directory: the demo is not seeded again, the login and the edit are there.
    const second = await start();
    const fresh = await connectClient(second.syncUrl, docId, await login(second.httpUrl, "methodist"));
    clients.push(fresh);
    expect(cellsOf(fresh)).toEqual([
      { measure: "Собеседование с руководителями ШНОР", period: "Март-апрель 2022 года" },
    ]);
    const accounts = await queryTestSchema<{ n: number }>(
      schema.schema,
      "SELECT count(*)::int AS n FROM accounts WHERE login = 'methodist'",
    );
    expect(accounts).toEqual([{ n: 1 }]);
  });

  it("compacts the log into a snapshot on a clean shutdown, and a second instance reads what the first stored", async () => {
    const server = await start();
    const docId = await createDocument(server.httpUrl, await login(server.httpUrl, "methodist"));
    const a = await connectClient(server.syncUrl, docId, await login(server.httpUrl, "methodist"));
    clients.push(a);
    for (let i = 0; i < 20; i++) a.table().insertRow(i, { measure: `строка ${i + 1}` });
    await waitFor(async () => (await loggedUpdates(docId)) === 20, "20 updates appended to the log");

    // Another instance on the same database, started while the first runs, loads the document from the log.
    const other = await start();
    const reader = await connectClient(other.syncUrl, docId, await login(other.httpUrl, "methodist"));
    clients.push(reader);
    expect(reader.table().rows()).toHaveLength(20);
    reader.destroy();
    expect(await other.stop()).toBe(0);

    expect(await server.stop()).toBe(0);
    expect(await loggedUpdates(docId)).toBe(0);
    const snapshot = await queryTestSchema<{ upto_seq: number }>(
      schema.schema,
      "SELECT upto_seq::int AS upto_seq FROM doc_snapshots WHERE doc_id = $1",
      [docId],
    );
    expect(snapshot).toEqual([{ upto_seq: 20 }]);

    const again = await start();
    const later = await connectClient(again.syncUrl, docId, await login(again.httpUrl, "methodist"));
    clients.push(later);
    expect(cellsOf(later).map((c) => c.measure)).toEqual(Array.from({ length: 20 }, (_, i) => `строка ${i + 1}`));
  });

  it("takes its first coordinator from the administrator's command on the same database, without the demo", async () => {
    const empty = await createTestSchema();
    try {
      const url = testDatabaseUrlFor(empty.schema);
      const server = await startServerProcess({ dataDir: makeDataDir(), env: { DATABASE_URL: url, DEMO_DATA: "0" } });
      servers.push(server);
      const created = spawnSync(
        process.execPath,
        [
          adminEntry,
          "create-coordinator",
          ...["--login", "petrova", "--name", "Петрова Анна Сергеевна", "--region", "Краснодарский край"],
          ...["--municipality", "Крымский район", "--url", server.httpUrl],
        ],
        { env: { ...process.env, DATABASE_URL: url, DATA_DIR: makeDataDir() }, encoding: "utf8" },
      );
      expect(created.status, created.stderr).toBe(0);
      expect(fs.readdirSync(server.dataDir)).toEqual(["evidence"]); // evidence files only: no SQLite database
      const token = /\/invite\/([\w-]+)/.exec(created.stdout)?.[1];
      const accept = () =>
        fetch(`${server.httpUrl}/api/invitations/${token}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ password: "Крымский-2026" }),
        });
      expect((await accept()).status).toBe(200);
      expect((await accept()).status).not.toBe(200); // spent
      await login(server.httpUrl, "petrova", "Крымский-2026");
      await server.stop();
    } finally {
      await empty.drop();
    }
  });
});
