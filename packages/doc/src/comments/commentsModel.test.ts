import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CommentsModel, CommentWriteError } from "./commentsModel.ts";
import { type Anchor, MAX_COMMENT_LENGTH } from "./commentsSchema.ts";
import { cellKey, cellThreadCounts } from "./threadIndex.ts";

const curator = { accountId: "acc-curator", name: "Смирнова Ольга Петровна" };
const school = { accountId: "acc-school5", name: "Команда СОШ № 5" };
const cell: Anchor = { kind: "cell", table: "measures", rowId: "row1", columnId: "deadline", quote: "Мониторинг" };

function model(now = 1_700_000_000_000) {
  let clock = now;
  const ydoc = new Y.Doc();
  return { ydoc, comments: new CommentsModel(ydoc, { now: () => clock++ }) };
}

/** Two replicas that exchange every update, as two browsers through the server would. */
function connectedPair() {
  const a = model();
  const b = model(1_700_000_000_500);
  a.ydoc.on("update", (u: Uint8Array, origin: unknown) => origin !== "peer" && Y.applyUpdate(b.ydoc, u, "peer"));
  b.ydoc.on("update", (u: Uint8Array, origin: unknown) => origin !== "peer" && Y.applyUpdate(a.ydoc, u, "peer"));
  return { a: a.comments, b: b.comments, docs: [a.ydoc, b.ydoc] };
}

describe("CommentsModel", () => {
  it("opens a thread, replies, edits and deletes one's own comment, resolves and reopens", () => {
    const { comments } = model();
    const { threadId, commentId } = comments.openThread(curator, cell, "  Уточните сроки  ");
    const reply = comments.reply(threadId, school, "Исправили на «Май 2023»", ["acc-curator"]);
    comments.editComment(threadId, commentId, curator, "Уточните сроки и ответственных");
    comments.deleteComment(threadId, reply, school);
    comments.resolve(threadId, school);

    const [thread] = comments.threads();
    expect(thread).toMatchObject({ id: threadId, anchor: cell, createdBy: curator.accountId, status: "resolved" });
    expect(thread?.statusBy).toBe(school.accountId);
    expect(thread?.statusByName).toBe(school.name);
    expect(thread?.comments.map((c) => [c.author, c.text, c.deleted ?? false, c.editedAt !== undefined])).toEqual([
      [curator.accountId, "Уточните сроки и ответственных", false, true],
      [school.accountId, "", true, false],
    ]);

    comments.reopen(threadId, curator);
    expect(comments.thread(threadId)?.status).toBe("open");
  });

  it("refuses empty and over-long text, others' comments and unknown threads", () => {
    const { comments } = model();
    const { threadId, commentId } = comments.openThread(curator, { kind: "document" }, "Общий вопрос");
    const code = (fn: () => void) => {
      try {
        fn();
      } catch (error) {
        return error instanceof CommentWriteError ? error.code : "other";
      }
      return null;
    };
    expect(code(() => comments.reply(threadId, school, "   "))).toBe("empty");
    expect(code(() => comments.reply(threadId, school, "я".repeat(MAX_COMMENT_LENGTH + 1)))).toBe("too-long");
    expect(code(() => comments.editComment(threadId, commentId, school, "не моё"))).toBe("not-author");
    expect(code(() => comments.deleteComment(threadId, commentId, school))).toBe("not-author");
    expect(code(() => comments.reply("nope", school, "?"))).toBe("unknown-thread");
    expect(code(() => comments.openThread(curator, { kind: "cell" } as unknown as Anchor, "?"))).toBe("invalid-anchor");
    expect(comments.threads()).toHaveLength(1);
  });

  it("keeps replies written at once by two people, in time order, on both replicas", () => {
    const { a, b } = connectedPair();
    const { threadId } = a.openThread(curator, cell, "Вопрос");
    a.reply(threadId, curator, "от куратора");
    b.reply(threadId, school, "от школы");
    const texts = (m: CommentsModel) => m.thread(threadId)?.comments.map((c) => c.text);
    expect(texts(a)).toEqual(texts(b));
    expect(texts(a)).toHaveLength(3);
  });

  it("merges replies written apart (offline) without losing either", () => {
    const left = model();
    const right = model(1_700_000_000_100);
    const { threadId } = left.comments.openThread(curator, cell, "Вопрос");
    Y.applyUpdate(right.ydoc, Y.encodeStateAsUpdate(left.ydoc));
    left.comments.reply(threadId, curator, "офлайн 1");
    right.comments.reply(threadId, school, "офлайн 2");
    Y.applyUpdate(right.ydoc, Y.encodeStateAsUpdate(left.ydoc));
    Y.applyUpdate(left.ydoc, Y.encodeStateAsUpdate(right.ydoc));
    expect(
      left.comments
        .thread(threadId)
        ?.comments.map((c) => c.text)
        .sort(),
    ).toEqual(["Вопрос", "офлайн 1", "офлайн 2"].sort());
    expect(right.comments.threads()).toEqual(left.comments.threads());
  });

  it("returns the same array until something changes, and tells observers", () => {
    const { comments } = model();
    const seen: number[] = [];
    const stop = comments.observe((threads) => seen.push(threads.length));
    const first = comments.threads();
    expect(comments.threads()).toBe(first);
    comments.openThread(curator, cell, "Вопрос");
    expect(comments.threads()).not.toBe(first);
    stop();
    comments.openThread(curator, cell, "Ещё");
    expect(seen).toEqual([1]);
  });

  it("counts open threads per cell for the grid's marks", () => {
    const { comments } = model();
    const one = comments.openThread(curator, cell, "Вопрос 1");
    comments.openThread(curator, cell, "Вопрос 2");
    comments.openThread(curator, { ...cell, table: "other" }, "В другой таблице");
    comments.resolve(one.threadId, school);
    const counts = cellThreadCounts(comments.threads(), "measures");
    expect([...counts.keys()]).toEqual([cellKey("row1", "deadline")]);
    expect(counts.get(cellKey("row1", "deadline"))).toMatchObject({ open: 1, total: 2 });
  });
});
