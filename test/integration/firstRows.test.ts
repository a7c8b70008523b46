import { type FirstRowsResponse, firstRowsResponse, municipalRoadmap } from "@karta/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authed, connectClient, login, waitFor } from "../support/clients.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

interface Listed {
  id: string;
  organisationId: string;
  template: string;
}

/**
 * GET /api/documents/:id/first-rows, the first screen a page draws before the
 * app has loaded: the rows a synced client sees, as text, for readers only.
 */
describe("a document's first rows over HTTP", () => {
  let server: ServerProcess;
  let coordinator: string;
  let school5: string;
  let roadmapDoc: string;
  let school7Doc: string;

  beforeAll(async () => {
    server = await startServerProcess();
    coordinator = await login(server.httpUrl, "coordinator");
    school5 = await login(server.httpUrl, "school5");
    const all = (await (await fetch(`${server.httpUrl}/api/documents`, authed(coordinator))).json()) as Listed[];
    roadmapDoc = all.find((d) => d.template === municipalRoadmap.id)?.id as string;
    school7Doc = all.find((d) => d.organisationId === "slav-oosh-7")?.id as string;
  });
  afterAll(async () => {
    await server.stop();
  });

  const firstRows = (docId: string, secret: string | null, query = "") =>
    fetch(`${server.httpUrl}/api/documents/${docId}/first-rows${query}`, secret ? authed(secret) : {});

  it("answers a reader with the first rows a synced client shows, in order, and follows an edit", async () => {
    const client = await connectClient(server.syncUrl, roadmapDoc, coordinator);
    try {
      const res = await firstRows(roadmapDoc, coordinator, "?limit=5");
      expect(res.status).toBe(200);
      const body: FirstRowsResponse = firstRowsResponse.parse(await res.json());
      const table = body.table;
      const rows = client.table().rows();
      expect(table?.rowCount).toBe(rows.length);
      expect(table?.rows).toHaveLength(5);
      const columns = municipalRoadmap.tables[0]?.columns ?? [];
      expect(table?.columns.map((c) => c.title)).toEqual(columns.map((c) => c.title));
      const measureAt = columns.findIndex((c) => c.id === "measure");
      const shown = (i: number, columnId: string) =>
        table?.rows[i]?.cells[columns.findIndex((c) => c.id === columnId)]?.text;
      for (let i = 0; i < 5; i++) {
        expect(table?.rows[i]?.id).toBe(rows[i]?.id);
        expect(shown(i, "measure")).toBe(rows[i]?.cells.measure);
      }

      // An edit stored a moment ago is in the next answer.
      client.table().setCell(rows[0]?.id as string, "measure", "Новая формулировка первого мероприятия");
      await waitFor(async () => {
        const next = firstRowsResponse.parse(await (await firstRows(roadmapDoc, coordinator, "?limit=1")).json());
        return next.table?.rows[0]?.cells[measureAt]?.text === "Новая формулировка первого мероприятия";
      }, "the first rows show the edit");
    } finally {
      client.destroy();
    }
  });

  it("refuses without a session, hides other schools' documents, and says what is wrong with a bad limit", async () => {
    expect((await firstRows(roadmapDoc, null)).status).toBe(401);
    // Not theirs: the same answer as for a document that does not exist.
    const other = await firstRows(school7Doc, school5);
    expect(other.status).toBe(404);
    const missing = await firstRows("no-such-document", school5);
    expect(missing.status).toBe(404);
    expect(await other.json()).toEqual(await missing.json());
    for (const limit of ["0", "201", "many"]) {
      const bad = await firstRows(roadmapDoc, coordinator, `?limit=${limit}`);
      expect(bad.status).toBe(400);
    }
  });
});
