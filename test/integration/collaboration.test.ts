import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authed, connectClient, createDocument, login, type SyncedClient, waitFor } from "../support/clients.ts";
import { openRawSocket } from "../support/rawSocket.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

describe("two stock WebsocketProvider clients", () => {
  let server: ServerProcess;
  const clients: SyncedClient[] = [];
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.stop();
  });

  it("converge on concurrent inserts, moves and edits", async () => {
    const docId = await createDocument(server.httpUrl, await login(server.httpUrl, "methodist"));
    const a = await connectClient(server.syncUrl, docId, await login(server.httpUrl, "methodist"));
    const b = await connectClient(server.syncUrl, docId, await login(server.httpUrl, "methodist"));
    clients.push(a, b);
    const rowId = a.table().insertRow(0, { measure: "Разработка дорожной карты" });
    await waitFor(() => b.table().rowCount() === 1, "B sees A's row");
    expect(b.table().rows()[0]?.cells.measure).toBe("Разработка дорожной карты");

    // Both edit at once: a new row each, the same row moved by both, different cells set.
    a.table().insertRow(1, { measure: "от A" });
    b.table().insertRow(0, { measure: "от B" });
    a.table().moveRow(rowId, 1);
    b.table().moveRow(rowId, 0);
    a.table().setCell(rowId, "period", "Январь 2022 г.");
    b.table().setCell(rowId, "responsible", "И.Н. Хняч - директор МКУО ЦОКО");

    const same = () => JSON.stringify(a.table().rows()) === JSON.stringify(b.table().rows());
    await waitFor(() => same() && a.table().rowCount() === 3, "A and B converge");
    const row = a
      .table()
      .rows()
      .find((r) => r.id === rowId);
    expect(row?.cells).toEqual({
      measure: "Разработка дорожной карты",
      period: "Январь 2022 г.",
      responsible: "И.Н. Хняч - директор МКУО ЦОКО",
    });
    expect(
      new Set(
        a
          .table()
          .rows()
          .map((r) => r.id),
      ).size,
    ).toBe(3);
  });

  it("refuses a document that does not exist with close code 4404", async () => {
    const raw = await openRawSocket(server.syncUrl, "NoSuchDocument1", await login(server.httpUrl, "methodist"));
    expect(await raw.closed).toBe(4404);
    expect(raw.received).toEqual([]);
  });
});

describe("the HTTP side", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    await server.stop();
  });

  it("lists the demo: the Славянский район roadmap and ten schools' anti-risk programmes", async () => {
    const res = await fetch(`${server.httpUrl}/api/documents`, authed(await login(server.httpUrl, "coordinator")));
    const docs = (await res.json()) as { title: string; template: string; organisation: string }[];
    const roadmaps = docs.filter((d) => d.template === "municipal-roadmap");
    expect(roadmaps.map((d) => d.organisation)).toEqual(["Славянский район"]);
    const schools = docs.filter((d) => d.template === "anti-risk-programme").map((d) => d.organisation);
    expect(new Set(schools).size).toBe(10);
    expect(schools).toContain("МБОУ СОШ № 5");
  });

  it("refuses to create a document from an unknown template, in Russian", async () => {
    const res = await fetch(
      `${server.httpUrl}/api/documents`,
      authed(await login(server.httpUrl, "methodist"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ template: "no-such-template", title: "x" }),
      }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/Неизвестный шаблон/);
  });

  it("answers 404 for an asset that does not exist and serves the app for a document page", async () => {
    const missing = await fetch(`${server.httpUrl}/assets/missing-file.js`, { signal: AbortSignal.timeout(5000) });
    expect(missing.status).toBe(404);
    const page = await fetch(`${server.httpUrl}/d/SomeDocumentId`, { signal: AbortSignal.timeout(5000) });
    // The web app is built before integration tests run (npm test builds first).
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
  });
});
