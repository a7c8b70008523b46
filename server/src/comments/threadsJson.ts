import { type KartaDocument, locateCellAnchor, type ThreadView } from "@karta/doc";
import type { CommentAnchorJson, CommentThreadJson } from "@karta/schema";

/** Threads as the API gives them: anchors located in the content now, times as ISO strings. */
export function threadsJson(threads: readonly ThreadView[], content: KartaDocument): CommentThreadJson[] {
  return threads.map((thread) => {
    const opener = thread.comments[0];
    return {
      id: thread.id,
      anchor: anchorJson(thread, content),
      status: thread.status,
      createdBy: { id: thread.createdBy, name: opener?.authorName ?? "" },
      createdAt: iso(thread.createdAt),
      statusChangedBy: thread.statusBy ? { id: thread.statusBy, name: thread.statusByName ?? "" } : null,
      statusChangedAt: thread.statusAt !== undefined ? iso(thread.statusAt) : null,
      comments: thread.comments.map((c) => ({
        id: c.id,
        author: { id: c.author, name: c.authorName },
        text: c.text,
        createdAt: iso(c.createdAt),
        editedAt: c.editedAt !== undefined ? iso(c.editedAt) : null,
        deleted: c.deleted === true,
        mentions: [...c.mentions],
      })),
    };
  });
}

function anchorJson(thread: ThreadView, content: KartaDocument): CommentAnchorJson {
  const { anchor } = thread;
  switch (anchor.kind) {
    case "cell": {
      const { rowNumber, columnTitle } = locateCellAnchor(content, anchor);
      return {
        kind: "cell",
        table: anchor.table,
        rowId: anchor.rowId,
        columnId: anchor.columnId,
        columnTitle,
        rowNumber,
        rowDeleted: rowNumber === null,
        quote: anchor.quote,
      };
    }
    case "text": {
      const section = content.template.sections.find((s) => s.id === anchor.section);
      return {
        kind: "text",
        section: anchor.section,
        sectionTitle: section?.title ?? anchor.section,
        quote: anchor.quote,
      };
    }
    case "document":
      return { kind: "document" };
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
