import type { CellConflictJson, DocumentSummary, VersionJson } from "@karta/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authed, connectClient, login, postJson, waitFor } from "../support/clients.ts";
import { type EventStreamClient, openEventStream, type StreamEvent } from "../support/eventStream.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

/**
 * GET /api/documents/:id/events against a real server: the curator of school5
 * keeps the events stream of school5's anti-risk programme open while the
 * school and others act on it, as the document page does.
 */
describe("a document's events stream", () => {
  let server: ServerProcess;
  const secrets: Record<string, string> = {};
  let docId = "";
  let stream: EventStreamClient;

  beforeAll(async () => {
    server = await startServerProcess();
    for (const who of ["school5", "curator", "coordinator", "coordinator-seversky"]) {
      secrets[who] = await login(server.httpUrl, who);
    }
    const listed = (await (
      await fetch(`${server.httpUrl}/api/documents`, authed(secrets.school5 ?? ""))
    ).json()) as DocumentSummary[];
    const programme = listed.find((d) => d.template === "anti-risk-programme");
    if (!programme) throw new Error("the demo has no anti-risk programme of МБОУ СОШ № 5");
    docId = programme.id;
  });
  afterAll(async () => {
    stream?.close();
    await server.stop();
  });

  const secret = (who: string) => secrets[who] ?? "";
  const get = (who: string) => fetch(`${server.httpUrl}/api/documents/${docId}`, authed(secret(who)));
  const move = (who: string, body: object) =>
    fetch(`${server.httpUrl}/api/documents/${docId}/transitions`, authed(secret(who), postJson(body)));
  const summaryOf = (event: StreamEvent) => JSON.parse(event.data) as DocumentSummary;
  const isSummary = (test: (s: DocumentSummary) => boolean) => (e: StreamEvent) =>
    e.event === "summary" && test(summaryOf(e));

  it("answers as GET /api/documents/:id does: first the same summary, and 404 or 401 to those who get them there", async () => {
    stream = await openEventStream(server.httpUrl, docId, secret("curator"));
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(stream.headers.get("cache-control")).toMatch(/no-store/);
    const first = await stream.next(() => true, "the first event");
    expect(first.event).toBe("summary");
    expect(summaryOf(first)).toEqual(await (await get("curator")).json());
    expect(summaryOf(first).status).toBe("draft");

    // Another municipality's coordinator may not read it: the same refusal on both routes.
    const outsider = await openEventStream(server.httpUrl, docId, secret("coordinator-seversky"));
    const outsiderGet = await get("coordinator-seversky");
    expect(outsiderGet.status).toBe(404);
    expect(outsider.status).toBe(outsiderGet.status);
    expect(outsider.headers.get("content-type")).toMatch(/^application\/json/);
    await outsider.ended;
    const unknown = await openEventStream(server.httpUrl, "no-such-document", secret("curator"));
    expect(unknown.status).toBe(404);
    const nobody = await openEventStream(server.httpUrl, docId, "not-a-session");
    expect(nobody.status).toBe(401);
    expect((await fetch(`${server.httpUrl}/api/documents/${docId}`)).status).toBe(401);
  });

  it("delivers the new summary when the school submits and when the curator returns it", async () => {
    expect((await move("school5", { action: "submit" })).status).toBe(200);
    const submitted = summaryOf(
      await stream.next(
        isSummary((s) => s.status === "submitted"),
        "the submit",
      ),
    );
    expect(submitted.history.at(-1)).toMatchObject({ action: "submit", from: "draft", to: "submitted" });
    expect(submitted.access).toBe("comment"); // the curator's own summary, not the school's

    expect((await move("curator", { action: "return", reason: "Уточните сроки" })).status).toBe(200);
    const returned = summaryOf(
      await stream.next(
        isSummary((s) => s.status === "returned"),
        "the return",
      ),
    );
    expect(returned.history.at(-1)?.reason).toBe("Уточните сроки");
    expect(returned).toEqual(await (await get("curator")).json());
  });

  it("delivers a summary when a version is saved and when one is restored", async () => {
    const saved = await fetch(
      `${server.httpUrl}/api/documents/${docId}/versions`,
      authed(secret("school5"), postJson({ name: "До правок" })),
    );
    expect(saved.status).toBe(201);
    const version = (await saved.json()) as VersionJson;
    await stream.next((e) => e.event === "summary", "the summary after saving a version");

    const school = await connectClient(server.syncUrl, docId, secret("school5"));
    const rows = school.table().rowCount();
    school.table().insertRow(0, { measure: "Строка, которую отменит восстановление" });
    const reader = await connectClient(server.syncUrl, docId, secret("curator"));
    await waitFor(() => reader.table().rowCount() === rows + 1, "the edit is stored");
    reader.destroy();
    // An edit moves nothing in the summary: all the stream has is what came before the restore.
    const before = stream.events.length;

    const restored = await fetch(
      `${server.httpUrl}/api/documents/${docId}/versions/${version.id}/restore`,
      authed(secret("school5"), postJson({})),
    );
    expect(restored.status).toBe(200);
    const event = await stream.next((e) => e.event === "summary", "the summary after the restore");
    expect(stream.events.indexOf(event)).toBeGreaterThanOrEqual(before);
    const after = summaryOf(event);
    expect(after.status).toBe("returned");
    expect(after).toEqual(await (await get("curator")).json());
    await waitFor(() => school.table().rowCount() === rows, "the restore reaches the school's client");
    school.destroy();
  });

  it("says `conflicts` when a cell conflict is recorded and when it is resolved", async () => {
    const conflicts = async () =>
      (await (
        await fetch(`${server.httpUrl}/api/documents/${docId}/conflicts`, authed(secret("curator")))
      ).json()) as CellConflictJson[];
    const online = await connectClient(server.syncUrl, docId, secret("school5"));
    const apart = await connectClient(server.syncUrl, docId, secret("school5"));
    const rowId = online.table().rows()[0]?.id ?? "";
    apart.provider.disconnect();
    online.table().setCell(rowId, "participants", "Педагог-психолог");
    apart.table().setCell(rowId, "participants", "Учителя 5–9 классов");
    // The online value is stored before the other arrives: wait until the curator's reader sees it.
    const reader = await connectClient(server.syncUrl, docId, secret("curator"));
    await waitFor(
      () => reader.table().rows()[0]?.cells.participants === "Педагог-психолог",
      "the online edit is stored",
    );
    apart.provider.connect();
    await stream.next((e) => e.event === "conflicts", "the conflict recorded");
    const [conflict] = await conflicts();
    expect(conflict?.rowId).toBe(rowId);

    const resolved = await fetch(
      `${server.httpUrl}/api/documents/${docId}/conflicts/${conflict?.id}/resolve`,
      authed(secret("school5"), postJson({ value: conflict?.lost.value })),
    );
    expect(resolved.status).toBe(200);
    await stream.next((e) => e.event === "conflicts", "the conflict resolved");
    expect(await conflicts()).toEqual([]);
    for (const client of [online, apart, reader]) client.destroy();
  });

  it("ends when the person's rights to the document end, and when their session ends", async () => {
    const session = (await (await fetch(`${server.httpUrl}/api/session`, authed(secret("curator")))).json()) as {
      user: { id: string };
    };
    // The coordinator takes the curator's schools away: the open stream ends at once.
    const unassigned = await fetch(
      `${server.httpUrl}/api/people/${session.user.id}/curated-schools`,
      authed(secret("coordinator"), { ...postJson({ schoolIds: [] }), method: "PUT" }),
    );
    expect(unassigned.status).toBe(200);
    await stream.ended;
    expect((await get("curator")).status).toBe(404);
    expect((await openEventStream(server.httpUrl, docId, secret("curator"))).status).toBe(404);

    // The school's stream ends when the school signs out.
    const school = await openEventStream(server.httpUrl, docId, secret("school5"));
    expect(school.status).toBe(200);
    await school.next((e) => e.event === "summary", "the school's first summary");
    const out = await fetch(`${server.httpUrl}/api/session`, authed(secret("school5"), { method: "DELETE" }));
    expect(out.status).toBe(204);
    await school.ended;
    expect((await openEventStream(server.httpUrl, docId, secret("school5"))).status).toBe(401);
  });

  it("refuses more than 32 open streams of one session with 429", async () => {
    const open: EventStreamClient[] = [];
    for (let i = 0; i < 32; i++) open.push(await openEventStream(server.httpUrl, docId, secret("coordinator")));
    expect(open.map((s) => s.status)).toEqual(open.map(() => 200));
    const over = await openEventStream(server.httpUrl, docId, secret("coordinator"));
    expect(over.status).toBe(429);
    for (const s of open) s.close();
    await Promise.all(open.map((s) => s.ended));
    // Closed streams are counted out: the server sees the connections go and lets a new one in.
    await waitFor(async () => {
      const again = await openEventStream(server.httpUrl, docId, secret("coordinator"));
      again.close();
      return again.status === 200;
    }, "a stream is accepted again once the others closed");
  });

  it("does not keep the server from stopping", async () => {
    const open = await openEventStream(server.httpUrl, docId, secret("coordinator"));
    await open.next((e) => e.event === "summary", "the coordinator's first summary");
    expect(await server.stop()).toBe(0);
    await open.ended;
  });
});
