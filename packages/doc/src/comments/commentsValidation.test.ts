import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CommentsModel } from "./commentsModel.ts";
import { type Anchor, MAX_CLOCK_AHEAD_MS, MAX_COMMENT_LENGTH, MAX_OFFLINE_AGE_MS } from "./commentsSchema.ts";
import { type CommentsWriter, findCommentsViolation } from "./commentsValidation.ts";

const NOW = 1_700_000_000_000;
const curator = { accountId: "acc-curator", name: "Смирнова Ольга Петровна" };
const school = { accountId: "acc-school5", name: "Команда СОШ № 5" };
const cell: Anchor = { kind: "cell", table: "measures", rowId: "row1", columnId: "deadline", quote: "Мониторинг" };

/** Resolving: the thread's opener or the school team (an editor); reopening: anyone who comments. */
function writerFor(who: { accountId: string; name: string }, now = NOW): CommentsWriter {
  return {
    ...who,
    now,
    mayChangeStatus: (thread, to) => to === "open" || thread.createdBy === who.accountId || who === school,
  };
}

/**
 * The stored state, and `send`: a client replica synced with it writes, and
 * a server replica loaded from the stored state (roots untyped, as the server
 * loads them) judges that update as `who`; what it accepts is stored.
 */
function setup(clock = NOW) {
  const stored = new Y.Doc();
  return {
    send(who: CommentsWriter, write: (c: CommentsModel, doc: Y.Doc) => void): string | null {
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(stored));
      const before = Y.encodeStateVector(client);
      write(new CommentsModel(client, { now: () => clock }), client);
      const update = Y.encodeStateAsUpdate(client, before);
      const server = new Y.Doc();
      Y.applyUpdate(server, Y.encodeStateAsUpdate(stored));
      let verdict: string | null = null;
      server.on("afterTransaction", (tr: Y.Transaction) => {
        verdict ??= findCommentsViolation(server, tr, who);
      });
      Y.applyUpdate(server, update);
      if (verdict === null) Y.applyUpdate(stored, update);
      return verdict;
    },
  };
}

describe("findCommentsViolation: what the server accepts", () => {
  it("accepts the model's own operations from their rightful writers", () => {
    const s = setup();
    let threadId = "";
    let commentId = "";
    expect(
      s.send(writerFor(curator), (c) => {
        ({ threadId, commentId } = c.openThread(curator, cell, "Уточните сроки"));
      }),
    ).toBeNull();
    let reply = "";
    expect(
      s.send(writerFor(school), (c) => {
        reply = c.reply(threadId, school, "Исправили", [curator.accountId]);
      }),
    ).toBeNull();
    expect(
      s.send(writerFor(curator), (c) => c.editComment(threadId, commentId, curator, "Уточните сроки!")),
    ).toBeNull();
    expect(s.send(writerFor(school), (c) => c.deleteComment(threadId, reply, school))).toBeNull();
    expect(s.send(writerFor(school), (c) => c.resolve(threadId, school))).toBeNull();
    expect(s.send(writerFor(curator), (c) => c.reopen(threadId, curator))).toBeNull();
    expect(s.send(writerFor(curator), (c) => c.openThread(curator, { kind: "document" }, "В целом"))).toBeNull();
  });

  it("accepts a comment written offline a day ago", () => {
    const s = setup(NOW - 24 * 3600_000);
    expect(s.send(writerFor(curator), (c) => c.openThread(curator, cell, "Офлайн"))).toBeNull();
  });
});

describe("findCommentsViolation: what the server refuses", () => {
  it("a comment claiming another author", () => {
    const s = setup();
    expect(s.send(writerFor(curator), (c) => c.openThread(school, cell, "От имени школы"))).toMatch(
      /another person's name/,
    );
    const { threadId } = openedBy(s, curator);
    expect(s.send(writerFor(curator), (c) => c.reply(threadId, school, "Подделка"))).toMatch(/another person's name/);
    expect(s.send(writerFor(curator), (c) => c.reply(threadId, { ...curator, name: "Директор" }, "Имя"))).toMatch(
      /another person's name/,
    );
  });

  it("an edit or deletion of another person's comment, done by hand", () => {
    const s = setup();
    const { threadId, commentId } = openedBy(s, curator);
    const comment = (doc: Y.Doc) =>
      ((doc.getMap("threads").get(threadId) as Y.Map<unknown>).get("comments") as Y.Map<Y.Map<unknown>>).get(
        commentId,
      ) as Y.Map<unknown>;
    expect(
      s.send(writerFor(school), (_c, doc) =>
        doc.transact(() => {
          comment(doc).set("text", "Переписано школой");
          comment(doc).set("editedAt", NOW);
        }),
      ),
    ).toMatch(/another person's comment/);
  });

  it("removing or replacing a thread or a comment, and changing what is set once", () => {
    const s = setup();
    const { threadId, commentId } = openedBy(s, curator);
    const thread = (doc: Y.Doc) => doc.getMap("threads").get(threadId) as Y.Map<unknown>;
    expect(s.send(writerFor(curator), (_c, doc) => doc.getMap("threads").delete(threadId))).toMatch(/deleted/);
    expect(
      s.send(writerFor(curator), (_c, doc) => (thread(doc).get("comments") as Y.Map<unknown>).delete(commentId)),
    ).toMatch(/deleted/);
    expect(s.send(writerFor(curator), (_c, doc) => thread(doc).set("anchor", { kind: "document" }))).toMatch(
      /set when it is opened/,
    );
  });

  it("a comment over the length limit, a malformed thread, another root, a shared type", () => {
    const s = setup();
    const long = "я".repeat(MAX_COMMENT_LENGTH + 1);
    expect(
      s.send(writerFor(curator), (_c, doc) => {
        const comments = new Y.Map<unknown>([
          [
            "c1",
            new Y.Map<unknown>([
              ["author", curator.accountId],
              ["authorName", curator.name],
              ["text", long],
              ["createdAt", NOW],
              ["mentions", []],
            ]),
          ],
        ]);
        doc.getMap("threads").set(
          "t1",
          new Y.Map<unknown>([
            ["anchor", cell],
            ["createdBy", curator.accountId],
            ["createdAt", NOW],
            ["status", "open"],
            ["comments", comments],
          ]),
        );
      }),
    ).toMatch(/text/);
    expect(
      s.send(writerFor(curator), (_c, doc) =>
        doc.getMap("threads").set("t2", new Y.Map<unknown>([["text", "Уточните сроки"]])),
      ),
    ).toMatch(/comments are not a map/);
    expect(s.send(writerFor(curator), (_c, doc) => doc.getMap("other").set("x", 1))).toMatch(/unknown root/);
    const { threadId, commentId } = openedBy(s, curator);
    expect(
      s.send(writerFor(curator), (_c, doc) => {
        const comment = (
          (doc.getMap("threads").get(threadId) as Y.Map<unknown>).get("comments") as Y.Map<Y.Map<unknown>>
        ).get(commentId);
        comment?.set("mentions", new Y.Array());
      }),
    ).toMatch(/shared type/);
  });

  it("times far from the server's", () => {
    const future = setup(NOW + MAX_CLOCK_AHEAD_MS + 60_000);
    expect(future.send(writerFor(curator), (c) => c.openThread(curator, cell, "Из будущего"))).toMatch(/future/);
    const ancient = setup(NOW - MAX_OFFLINE_AGE_MS - 60_000);
    expect(ancient.send(writerFor(curator), (c) => c.openThread(curator, cell, "Из прошлого"))).toMatch(/long ago/);
  });

  it("a status change the policy does not allow, or signed by someone else", () => {
    const s = setup();
    const { threadId } = openedBy(s, school);
    // Here the curator may reopen but not resolve a thread the school opened.
    expect(s.send(writerFor(curator), (c) => c.resolve(threadId, curator))).toMatch(/not allowed/);
    expect(s.send(writerFor(curator), (c) => c.resolve(threadId, school))).toMatch(/signed by someone else/);
  });
});

function openedBy(s: ReturnType<typeof setup>, who: typeof curator) {
  let ids = { threadId: "", commentId: "" };
  const verdict = s.send(writerFor(who), (c) => {
    ids = c.openThread(who, cell, "Вопрос");
  });
  expect(verdict).toBeNull();
  return ids;
}
