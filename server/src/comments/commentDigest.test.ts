import type { ThreadView } from "@karta/doc";
import { describe, expect, it } from "vitest";
import { countsFor, digestChanges, digestOf, mentionsOf, parseDigest } from "./commentDigest.ts";

const comment = (id: string, author: string, text: string, mentions: string[] = []) => ({
  id,
  author,
  authorName: author.toUpperCase(),
  text,
  createdAt: 1,
  mentions,
});
const thread = (id: string, status: "open" | "resolved", comments: ThreadView["comments"], statusBy?: string) =>
  ({
    id,
    anchor: { kind: "document" },
    createdBy: comments[0]?.author ?? "",
    createdAt: 1,
    status,
    statusBy,
    comments,
  }) as ThreadView;

describe("the comments digest", () => {
  it("keeps when each comment first reached the server, and tells what happened since", () => {
    const first = digestOf(
      [thread("t1", "open", [comment("c1", "curator", "Вопрос", ["school"])])],
      null,
      "2026-12-01",
    );
    const second = digestOf(
      [
        thread(
          "t1",
          "resolved",
          [comment("c1", "curator", "Вопрос", ["school"]), comment("c2", "school", "Ответ")],
          "school",
        ),
      ],
      first,
      "2026-12-02",
    );
    expect(second.threads[0]?.comments.map((c) => c.storedAt)).toEqual(["2026-12-01", "2026-12-02"]);
    expect(digestChanges(first, second)).toEqual([
      { action: "comment-written", actorId: "school", threadId: "t1", text: "Ответ" },
      { action: "thread-resolved", actorId: "school", threadId: "t1", text: "Вопрос" },
    ]);
    expect(parseDigest(JSON.stringify(second))).toEqual(second);
    expect(parseDigest("{not json")).toBeNull();
  });

  it("counts open, unread (others' comments since one looked) and mentioning threads for a person", () => {
    const digest = digestOf(
      [
        thread("t1", "open", [comment("c1", "curator", "@Школа посмотрите", ["school"])]),
        thread("t2", "open", [comment("c2", "school", "Наш вопрос")]),
        thread("t3", "resolved", [comment("c3", "methodist", "Готово", ["school"])]),
      ],
      null,
      "2026-12-02T10:00:00.000Z",
    );
    expect(countsFor(digest, "school", undefined)).toEqual({ open: 2, unread: 2, mentions: 1 });
    expect(countsFor(digest, "school", "2026-12-02T11:00:00.000Z")).toEqual({ open: 2, unread: 0, mentions: 1 });
    expect(countsFor(null, "school", undefined)).toEqual({ open: 0, unread: 0, mentions: 0 });
    expect(mentionsOf(digest, "school", undefined)).toEqual([
      expect.objectContaining({ threadId: "t1", authorName: "CURATOR", unread: true }),
    ]);
  });
});
