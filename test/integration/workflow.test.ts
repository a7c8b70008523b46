import type { ChangesResponse, DocumentSummary, VersionJson } from "@karta/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { authed, connectClient, login, postJson, waitFor } from "../support/clients.ts";
import { handMadeUpdate, newRowUpdate, permissionDeniedReason } from "../support/protocolMessages.ts";
import { openRawSocket } from "../support/rawSocket.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

/**
 * The agreement of school5's anti-risk programme against a real server:
 * who may move it, what each status allows, and versions.
 */
describe("agreement workflow and versions", () => {
  let server: ServerProcess;
  const secrets: Record<string, string> = {};
  let docId = "";

  beforeAll(async () => {
    server = await startServerProcess();
    for (const who of ["school5", "curator", "coordinator", "methodist", "coordinator-seversky"]) {
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
    await server.stop();
  });

  const move = (who: string, body: object) =>
    fetch(`${server.httpUrl}/api/documents/${docId}/transitions`, authed(secrets[who] ?? "", postJson(body)));
  const summary = async (who = "school5") =>
    (await (
      await fetch(`${server.httpUrl}/api/documents/${docId}`, authed(secrets[who] ?? ""))
    ).json()) as DocumentSummary;

  /** Tries a step that must be refused; checks the answer and that the status and history stayed. */
  async function refused(who: string, body: object, status: 403 | 409) {
    const before = await summary();
    const res = await move(who, body);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { message: string }).message).toMatch(/[а-я]/);
    const after = await summary();
    expect([after.status, after.history.length]).toEqual([before.status, before.history.length]);
  }

  it("refuses every forbidden step with 403 or 409 and changes nothing", async () => {
    expect((await summary()).status).toBe("draft");
    await refused("school5", { action: "agree" }, 403);
    await refused("curator", { action: "submit" }, 403);
    await refused("coordinator-seversky", { action: "submit" }, 403);
    await refused("coordinator-seversky", { action: "agree" }, 403);
    await refused("curator", { action: "agree" }, 409); // a draft is not on agreement
    expect((await move("school5", { action: "submit" })).status).toBe(200);
    await refused("curator", { action: "return" }, 409); // without a reason
    await refused("curator", { action: "approve", order: { number: "12", date: "2023-02-15" } }, 403);
    expect((await move("curator", { action: "agree" })).status).toBe(200);
    await refused("coordinator", { action: "approve" }, 409); // without an order
    const approved = await move("coordinator", { action: "approve", order: { number: "12", date: "2023-02-15" } });
    expect(approved.status).toBe(200);
    expect(((await approved.json()) as DocumentSummary).order).toEqual({ number: "12", date: "2023-02-15" });
    await refused("school5", { action: "submit" }, 409); // an approved document
    const history = (await summary("curator")).history;
    expect(history.map((h) => [h.action, h.from, h.to])).toEqual([
      ["submit", "draft", "submitted"],
      ["agree", "submitted", "agreed"],
      ["approve", "agreed", "approved"],
    ]);
    expect(history[0]?.by.name).not.toBe("");
    expect((await move("coordinator", { action: "reopen" })).status).toBe(200);
    expect((await summary()).order).toBeNull();
  });

  it("refuses and does not store an update while on agreement; no update changes the status", async () => {
    expect((await summary()).status).toBe("draft");
    const school = await connectClient(server.syncUrl, docId, secrets.school5 ?? "");
    const before = school.table().rowCount();
    const closed = new Promise<number>((resolve) =>
      school.provider.ws?.addEventListener("close", (e) => resolve(e.code)),
    );
    expect((await move("school5", { action: "submit" })).status).toBe(200);
    expect(await closed).toBe(4409); // the open socket is told its rights changed
    school.destroy();

    const raw = await openRawSocket(server.syncUrl, docId, secrets.school5);
    raw.ws.send(newRowUpdate("Вписано на согласовании"));
    await waitFor(() => raw.received.some((m) => permissionDeniedReason(m) === "on-agreement"), "refused as locked");
    raw.ws.close();

    expect((await move("curator", { action: "return", reason: "Уточните сроки" })).status).toBe(200);
    const after = await summary();
    expect(after.status).toBe("returned");
    expect(after.history.at(-1)?.reason).toBe("Уточните сроки");
    const forged = await openRawSocket(server.syncUrl, docId, secrets.school5);
    forged.ws.send(handMadeUpdate((d) => d.getMap("status").set("value", "approved")));
    expect((await forged.closedWith).reason).toMatch(/unknown root "status"/);
    expect((await summary()).status).toBe("returned");

    const fresh = await connectClient(server.syncUrl, docId, secrets.school5 ?? "");
    expect(fresh.table().rowCount()).toBe(before);
    expect(
      fresh
        .table()
        .rows()
        .map((r) => r.cells.measure),
    ).not.toContain("Вписано на согласовании");
    fresh.table().insertRow(0, { measure: "После возврата" });
    const reader = await connectClient(server.syncUrl, docId, secrets.curator ?? "");
    await waitFor(() => reader.table().rowCount() === before + 1, "the returned document is editable again");
    fresh.destroy();
    reader.destroy();
  });

  it("saves a named version, restores it live for another client, and keeps the list over a restart", async () => {
    const editor = await connectClient(server.syncUrl, docId, secrets.school5 ?? "");
    const watcher = await connectClient(server.syncUrl, docId, secrets.curator ?? "");
    const saved = await fetch(
      `${server.httpUrl}/api/documents/${docId}/versions`,
      authed(secrets.school5 ?? "", postJson({ name: "Перед правками" })),
    );
    expect(saved.status).toBe(201);
    const version = (await saved.json()) as VersionJson;
    const rowsAtVersion = editor
      .table()
      .rows()
      .map((r) => ({ id: r.id, cells: r.cells }));

    const [first] = editor.table().rows();
    if (first) editor.table().setCell(first.id, "period", "Декабрь 2030");
    editor.table().insertRow(0, { measure: "Лишняя строка" });
    await waitFor(() => watcher.table().rowCount() === rowsAtVersion.length + 1, "the watcher sees the edits");

    const restored = await fetch(
      `${server.httpUrl}/api/documents/${docId}/versions/${version.id}/restore`,
      authed(secrets.school5 ?? "", { method: "POST" }),
    );
    expect(restored.status).toBe(200);
    const rowsOf = (c: typeof editor) =>
      c
        .table()
        .rows()
        .map((r) => ({ id: r.id, cells: r.cells }));
    await waitFor(() => JSON.stringify(rowsOf(watcher)) === JSON.stringify(rowsAtVersion), "the watcher sees it live");
    await waitFor(() => JSON.stringify(rowsOf(editor)) === JSON.stringify(rowsAtVersion), "the editor too");
    const byCurator = await fetch(
      `${server.httpUrl}/api/documents/${docId}/versions/${version.id}/restore`,
      authed(secrets.curator ?? "", { method: "POST" }),
    );
    expect(byCurator.status).toBe(403);
    editor.destroy();
    watcher.destroy();

    const list = async () =>
      (await (
        await fetch(`${server.httpUrl}/api/documents/${docId}/versions`, authed(secrets.school5 ?? ""))
      ).json()) as VersionJson[];
    const before = await list();
    expect(before.map((v) => v.kind)).toContain("named");
    expect(before.map((v) => v.kind)).toContain("submit");
    expect(await server.stop()).toBe(0);
    server = await startServerProcess({ dataDir: server.dataDir });
    secrets.school5 = await login(server.httpUrl, "school5");
    expect(await list()).toEqual(before);
  });

  it("lists what changed since agreement: a cell, a new row and a word of «Цель», with the agreed values", async () => {
    const school = await connectClient(server.syncUrl, docId, secrets.school5 ?? "");
    const goal = school.doc.section("goal");
    school.ydoc.transact(() => {
      if (goal.length > 0) goal.delete(0, goal.length);
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("Повысить качество чтения")]);
      goal.insert(0, [paragraph]);
    });
    const [first] = school.table().rows();
    if (!first) throw new Error("the programme has no rows");
    const reader = await connectClient(server.syncUrl, docId, secrets.curator ?? "");
    await waitFor(
      () => reader.doc.section("goal").toString().includes("Повысить качество чтения"),
      "the goal is stored",
    );
    reader.destroy();
    school.destroy();
    expect((await summary()).status).toBe("returned"); // where the test before left it
    expect((await move("school5", { action: "submit" })).status).toBe(200);
    expect((await move("curator", { action: "agree" })).status).toBe(200);
    const changes = async () =>
      (await (
        await fetch(`${server.httpUrl}/api/documents/${docId}/changes?since=agreed`, authed(secrets.curator ?? ""))
      ).json()) as ChangesResponse;
    expect((await changes()).changes).toEqual([]);

    const editor = await connectClient(server.syncUrl, docId, secrets.school5 ?? "");
    editor.table().setCell(first.id, "period", "Май 2031");
    const added = editor.table().insertRow(0, { measure: "Добавлено после согласования" });
    const text = editor.doc.section("goal").get(0) as Y.XmlElement;
    (text.get(0) as Y.XmlText).insert("Повысить ".length, "заметно ");
    await waitFor(async () => (await changes()).changes.length === 3, "three changes since agreement");
    editor.destroy();
    const listed = (await changes()).changes;
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "cell", rowId: first.id, columnTitle: "Сроки", current: "Май 2031" }),
        expect.objectContaining({ kind: "rowAdded", rowId: added, rowNumber: 1 }),
        {
          kind: "paragraph",
          section: "goal",
          sectionTitle: "Цель",
          index: 0,
          agreed: "Повысить качество чтения",
          current: "Повысить заметно качество чтения",
        },
      ]),
    );
    const cell = listed.find((c) => c.kind === "cell");
    expect(cell && "agreed" in cell ? cell.agreed : undefined).toBe(first.cells.period ?? null);
  });
});
