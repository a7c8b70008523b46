import { CommentsModel, MAX_COMMENT_LENGTH } from "@karta/doc";
import type { AuditEntry, CommentThreadJson, DocumentSummary, MentionJson } from "@karta/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { authed, connectClient, login, postJson, waitFor } from "../support/clients.ts";
import { permissionDeniedReason } from "../support/protocolMessages.ts";
import { openRawSocket, syncUpdateMessage } from "../support/rawSocket.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

/**
 * The comments of school5's anti-risk programme, over the sync room and over
 * HTTP, against a real server: every write is checked against the comments
 * model for the account that sent it, raw protocol messages included.
 */
describe("comments", () => {
  let server: ServerProcess;
  const secrets: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let docId = "";
  let room = "";

  beforeAll(async () => {
    server = await startServerProcess();
    for (const who of ["curator", "school5", "viewer", "coordinator-seversky", "methodist"]) {
      secrets[who] = await login(server.httpUrl, who);
      const session = await (await fetch(`${server.httpUrl}/api/session`, authed(secrets[who] ?? ""))).json();
      ids[who] = (session as { user: { id: string } }).user.id;
    }
    const listed = (await (await fetch(`${server.httpUrl}/api/documents`, authed(secrets.curator ?? ""))).json()) as {
      id: string;
      organisationId: string;
      template: string;
    }[];
    const programme = listed.find((d) => d.organisationId === "slav-sosh-5" && d.template === "anti-risk-programme");
    if (!programme) throw new Error("the demo has no anti-risk programme of МБОУ СОШ № 5");
    docId = programme.id;
    room = `${docId}:comments`;
  });
  afterAll(async () => {
    await server.stop();
  });

  /** A stock provider on the comments room, synced, with the typed model over it. */
  async function commentsClient(who: string) {
    const ydoc = new Y.Doc();
    const provider = new WebsocketProvider(server.syncUrl, room, ydoc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { access_token: secrets[who] ?? "" },
    });
    await waitFor(() => provider.synced, `${who}'s comments client synced`);
    return {
      ydoc,
      model: new CommentsModel(ydoc),
      destroy() {
        provider.destroy();
        ydoc.destroy();
      },
    };
  }

  const name = async (who: string) =>
    (
      (await (await fetch(`${server.httpUrl}/api/session`, authed(secrets[who] ?? ""))).json()) as {
        user: { fullName: string };
      }
    ).user.fullName;

  /**
   * Sends, over a raw socket as `who`, what `write` changes in a copy of the
   * room's current state; resolves with the close (code and reason), or null if
   * the server kept the socket open (the update was accepted).
   */
  async function sendRaw(who: string, write: (doc: Y.Doc) => void): Promise<{ code: number; reason: string } | null> {
    const reader = await commentsClient(who);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(reader.ydoc));
    reader.destroy();
    const before = Y.encodeStateVector(copy);
    write(copy);
    const raw = await openRawSocket(server.syncUrl, room, secrets[who]);
    raw.ws.send(syncUpdateMessage(Y.encodeStateAsUpdate(copy, before)));
    const closed = await Promise.race([raw.closedWith, new Promise<null>((r) => setTimeout(() => r(null), 1_000))]);
    raw.ws.close();
    return closed;
  }

  it("shows a curator's comment to the school live; the school replies and resolves; the journal has it", async () => {
    const curator = await commentsClient("curator");
    const school = await commentsClient("school5");
    const curatorAuthor = { accountId: ids.curator ?? "", name: await name("curator") };
    const schoolAuthor = { accountId: ids.school5 ?? "", name: await name("school5") };
    const { threadId } = curator.model.openThread(curatorAuthor, { kind: "document" }, "Где целевые показатели?", [
      ids.school5 ?? "",
    ]);
    await waitFor(() => school.model.thread(threadId) !== undefined, "the school sees the thread");
    school.model.reply(threadId, schoolAuthor, "Добавили в раздел «Целевые показатели»");
    school.model.resolve(threadId, schoolAuthor);
    await waitFor(() => curator.model.thread(threadId)?.status === "resolved", "the curator sees it resolved");
    expect(curator.model.thread(threadId)?.comments.map((c) => c.authorName)).toEqual([
      curatorAuthor.name,
      schoolAuthor.name,
    ]);
    curator.model.reopen(threadId, curatorAuthor);
    await waitFor(() => school.model.thread(threadId)?.status === "open", "the school sees it reopened");
    curator.destroy();
    school.destroy();

    const coordinator = await login(server.httpUrl, "coordinator");
    await waitFor(async () => {
      const audit = (await (await fetch(`${server.httpUrl}/api/audit`, authed(coordinator))).json()) as AuditEntry[];
      const actions = audit.map((e) => e.action);
      return ["comment-written", "thread-resolved", "thread-reopened"].every((a) => actions.includes(a as never));
    }, "the journal records the comments, the resolution and the reopening");
  });

  it("refuses, with a reason, a comment in another's name, an edit of another's comment, an over-long one, a malformed thread", async () => {
    const schoolName = await name("school5");
    const curatorName = await name("curator");
    const asSchool = await sendRaw("curator", (doc) => {
      new CommentsModel(doc).openThread({ accountId: ids.school5 ?? "", name: schoolName }, { kind: "document" }, "?");
    });
    expect(asSchool?.code).toBe(4400);
    expect(asSchool?.reason).toMatch(/another person's name/);

    const school = await commentsClient("school5");
    const { threadId, commentId } = school.model.openThread(
      { accountId: ids.school5 ?? "", name: schoolName },
      { kind: "document" },
      "Вопрос школы",
    );
    await waitFor(async () => {
      const reader = await commentsClient("curator");
      const seen = reader.model.thread(threadId) !== undefined;
      reader.destroy();
      return seen;
    }, "the school's thread is stored");
    school.destroy();

    const edit = await sendRaw("curator", (doc) => {
      const comment = (
        (doc.getMap("threads").get(threadId) as Y.Map<unknown>).get("comments") as Y.Map<Y.Map<unknown>>
      ).get(commentId);
      doc.transact(() => {
        comment?.set("text", "Переписал куратор");
        comment?.set("editedAt", Date.now());
      });
    });
    expect(edit?.code).toBe(4400);
    expect(edit?.reason).toMatch(/another person's comment/);

    const long = await sendRaw("curator", (doc) => {
      const comments = (doc.getMap("threads").get(threadId) as Y.Map<unknown>).get("comments") as Y.Map<unknown>;
      comments.set(
        "longcomment1",
        new Y.Map<unknown>([
          ["author", ids.curator],
          ["authorName", curatorName],
          ["text", "я".repeat(MAX_COMMENT_LENGTH + 1)],
          ["createdAt", Date.now()],
          ["mentions", []],
        ]),
      );
    });
    expect(long?.code).toBe(4400);
    expect(long?.reason).toMatch(/text/);

    const malformed = await sendRaw("curator", (doc) =>
      doc.getMap("threads").set("broken", new Y.Map<unknown>([["text", "без автора и времени"]])),
    );
    expect(malformed?.code).toBe(4400);
    expect(malformed?.reason).toMatch(/thread broken/);

    const curator = await commentsClient("curator");
    expect(curator.model.thread(threadId)?.comments.map((c) => c.text)).toEqual(["Вопрос школы"]);
    expect(curator.model.thread("broken")).toBeUndefined();
    curator.destroy();
  });

  it("refuses a viewer's comment as read-only", async () => {
    const viewerName = await name("viewer");
    const raw = await openRawSocket(server.syncUrl, room, secrets.viewer);
    const doc = new Y.Doc();
    new CommentsModel(doc).openThread({ accountId: ids.viewer ?? "", name: viewerName }, { kind: "document" }, "Я?");
    raw.ws.send(syncUpdateMessage(Y.encodeStateAsUpdate(doc)));
    await waitFor(() => raw.received.some((m) => permissionDeniedReason(m) !== null), "a permission denied");
    expect(raw.received.map(permissionDeniedReason).find((r) => r !== null)).toBe("read-only");
    raw.ws.close();
  });

  it("lets the curator change the content through neither room", async () => {
    const content = await openRawSocket(server.syncUrl, docId, secrets.curator);
    const row = new Y.Doc();
    row.getMap("table:measures").set(
      "r1",
      new Y.Map<unknown>([
        ["order", "a0"],
        ["measure", "от куратора"],
      ]),
    );
    content.ws.send(syncUpdateMessage(Y.encodeStateAsUpdate(row)));
    await waitFor(() => content.received.some((m) => permissionDeniedReason(m) === "read-only"), "content refused");
    content.ws.close();

    const viaComments = await sendRaw("curator", (doc) =>
      doc.getMap("table:measures").set(
        "r1",
        new Y.Map<unknown>([
          ["order", "a0"],
          ["measure", "от куратора"],
        ]),
      ),
    );
    expect(viaComments?.code).toBe(4400);
    expect(viaComments?.reason).toMatch(/unknown root "table:measures"/);
  });

  it("POST then GET /api/documents/<id>/comments: a cell thread with its row and column; 403 for a viewer and another municipality", async () => {
    const school = await connectClient(server.syncUrl, docId, secrets.school5 ?? "");
    const rowId = school.table().insertRow(0, { measure: "Диагностика читательской грамотности" });
    school.table().insertRow(0, { measure: "Первая строка" });
    const reader = await connectClient(server.syncUrl, docId, secrets.curator ?? "");
    await waitFor(
      () =>
        reader
          .table()
          .rows()
          .some((r) => r.id === rowId),
      "the rows are on the server",
    );
    reader.destroy();
    school.destroy();

    const posted = await fetch(
      `${server.httpUrl}/api/documents/${docId}/comments`,
      authed(
        secrets.curator ?? "",
        postJson({ text: "Уточните сроки", anchor: { table: "measures", rowId, columnId: "period" } }),
      ),
    );
    expect(posted.status).toBe(201);
    const created = (await posted.json()) as CommentThreadJson;

    const read = await fetch(`${server.httpUrl}/api/documents/${docId}/comments`, authed(secrets.school5 ?? ""));
    expect(read.status).toBe(200);
    const thread = ((await read.json()) as CommentThreadJson[]).find((t) => t.id === created.id);
    expect(thread?.anchor).toEqual({
      kind: "cell",
      table: "measures",
      rowId,
      columnId: "period",
      columnTitle: "Сроки",
      rowNumber: 2,
      rowDeleted: false,
      quote: "Диагностика читательской грамотности",
    });
    expect(thread?.status).toBe("open");
    expect(thread?.comments).toEqual([
      expect.objectContaining({ text: "Уточните сроки", author: { id: ids.curator, name: await name("curator") } }),
    ]);

    const byViewer = await fetch(
      `${server.httpUrl}/api/documents/${docId}/comments`,
      authed(secrets.viewer ?? "", postJson({ text: "Можно мне?" })),
    );
    expect(byViewer.status).toBe(403);
    const elsewhere = await fetch(
      `${server.httpUrl}/api/documents/${docId}/comments`,
      authed(secrets["coordinator-seversky"] ?? ""),
    );
    expect(elsewhere.status).toBe(403);
    const tooLong = await fetch(
      `${server.httpUrl}/api/documents/${docId}/comments`,
      authed(secrets.curator ?? "", postJson({ text: "я".repeat(MAX_COMMENT_LENGTH + 1) })),
    );
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { message: string }).message).toMatch(/слишком длинный/);
  });

  it("counts open and unread threads and mentions in the documents list, until the person looks", async () => {
    const methodist = await commentsClient("methodist");
    methodist.model.openThread(
      { accountId: ids.methodist ?? "", name: await name("methodist") },
      { kind: "document" },
      "@Школа посмотрите",
      [ids.school5 ?? ""],
    );
    methodist.destroy();
    const countsOf = async () => {
      const list = (await (
        await fetch(`${server.httpUrl}/api/documents`, authed(secrets.school5 ?? ""))
      ).json()) as DocumentSummary[];
      return list.find((d) => d.id === docId)?.comments;
    };
    await waitFor(async () => ((await countsOf())?.mentions ?? 0) > 0, "school5 is told it was mentioned");
    expect((await countsOf())?.unread).toBeGreaterThan(0);
    const mentions = (await (
      await fetch(`${server.httpUrl}/api/comments/mentions`, authed(secrets.school5 ?? ""))
    ).json()) as MentionJson[];
    expect(mentions[0]).toMatchObject({ documentId: docId, text: "@Школа посмотрите", unread: true });

    const seen = await fetch(
      `${server.httpUrl}/api/documents/${docId}/comments/seen`,
      authed(secrets.school5 ?? "", { method: "POST" }),
    );
    expect(seen.status).toBe(204);
    expect((await countsOf())?.unread).toBe(0);
    expect((await countsOf())?.open).toBeGreaterThan(0);
  });

  it("loads the comments room after a restart", async () => {
    const before = await commentsClient("school5");
    const threads = before.model.threads().length;
    expect(threads).toBeGreaterThan(0);
    before.destroy();
    expect(await server.stop()).toBe(0);
    server = await startServerProcess({ dataDir: server.dataDir });
    secrets.school5 = await login(server.httpUrl, "school5");
    secrets.curator = await login(server.httpUrl, "curator");
    const after = await commentsClient("school5");
    expect(after.model.threads()).toHaveLength(threads);
    after.destroy();
  });
});
