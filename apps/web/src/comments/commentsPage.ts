import { type CommentAuthor, CommentWriteError, type KartaDocument, type ThreadView } from "@karta/doc";
import { type AccessLevel, accessAtLeast, type DocumentPerson } from "@karta/schema";
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { fetchDocumentPeople, markCommentsSeen } from "../api/commentsApi.ts";
import { messages } from "../messages.ts";
import { showToast } from "../ui/toasts.ts";
import { CommentMarksStore } from "./commentMarks.ts";
import { CommentsConnection, type CommentsSnapshot } from "./commentsConnection.ts";
import { CommentsUi, type CommentsUiState } from "./commentsUi.ts";

/** Everything the comments of one open document need, shared by the grid, the texts and the panel. */
export interface CommentsPage {
  readonly docId: string;
  readonly connection: CommentsConnection;
  readonly document: KartaDocument | null;
  /** The signed-in user as an author (the server takes no other). */
  readonly author: CommentAuthor | null;
  /** May write comments: "comment" or "edit" access. */
  readonly canComment: boolean;
  /** May edit the content: may also resolve anyone's thread. */
  readonly canEdit: boolean;
  readonly ui: CommentsUi;
  readonly marks: CommentMarksStore;
  /** The people who may read the document: whom a comment may mention. */
  readonly people: readonly DocumentPerson[];
}

export const CommentsPageContext = createContext<CommentsPage | null>(null);

/** The page's comments, or null outside a document page (the grid and editors work without them). */
export function useCommentsPage(): CommentsPage | null {
  return useContext(CommentsPageContext);
}

const noThreads: readonly ThreadView[] = [];
const noop = () => () => {};

/** Every thread of the document, live. */
export function useThreads(page: CommentsPage | null): readonly ThreadView[] {
  return useSyncExternalStore(page?.connection.subscribe ?? noop, () =>
    page ? page.connection.getSnapshot().threads : noThreads,
  );
}

/** The comments room's state (online, refusals), live. */
export function useCommentsSnapshot(page: CommentsPage): CommentsSnapshot {
  return useSyncExternalStore(page.connection.subscribe, page.connection.getSnapshot);
}

export function useCommentsUi(ui: CommentsUi): CommentsUiState {
  return useSyncExternalStore(ui.subscribe, ui.getState);
}

/** Whether this person may resolve the thread: its opener, or anyone who edits the document. */
export function mayResolve(page: CommentsPage, thread: ThreadView): boolean {
  return page.canComment && (page.canEdit || thread.createdBy === page.author?.accountId);
}

/**
 * Runs a write of the comments model; a write it refuses (empty, too long…)
 * becomes a toast in Russian. True if it was written.
 */
export function writeComments(write: () => void): boolean {
  try {
    write();
    return true;
  } catch (error) {
    if (!(error instanceof CommentWriteError)) throw error;
    showToast(messages.comments.errors[error.code] ?? messages.comments.writeFailed, "error");
    return false;
  }
}

export interface CommentsSetup {
  readonly docId: string;
  readonly document: KartaDocument | null;
  readonly access: AccessLevel | "unknown" | null;
  readonly user: { readonly id: string; readonly fullName: string } | null;
}

/**
 * Opens the document's comments for as long as the page shows it: the
 * comments room, the marks of the tables, the people to mention, and tells
 * the server the user has looked at the comments (for the documents list).
 */
export function useCommentsSetup({ docId, document, access, user }: CommentsSetup): CommentsPage | null {
  const [connection, setConnection] = useState<CommentsConnection | null>(null);
  useEffect(() => {
    const opened = new CommentsConnection(docId);
    setConnection(opened);
    return () => {
      opened.destroy();
      setConnection(null);
    };
  }, [docId]);

  const ui = useMemo(() => {
    void docId;
    return new CommentsUi();
  }, [docId]);
  const template = document?.template ?? null;
  const marks = useMemo(() => new CommentMarksStore(template?.tables.map((t) => t.id) ?? []), [template]);
  useEffect(() => {
    if (!connection) return;
    marks.update(connection.getSnapshot().threads);
    return connection.subscribe(() => marks.update(connection.getSnapshot().threads));
  }, [connection, marks]);

  const level = access === null || access === "unknown" ? null : access;
  const canComment = level !== null && accessAtLeast(level, "comment");
  const canEdit = level !== null && accessAtLeast(level, "edit");
  const people = useDocumentPeople(docId, level !== null && accessAtLeast(level, "read"));
  useSeenOnOpen(docId, level !== null && accessAtLeast(level, "read"));

  const accountId = user?.id;
  const name = user?.fullName;
  const author = useMemo(
    () => (accountId !== undefined && name !== undefined ? { accountId, name } : null),
    [accountId, name],
  );

  return useMemo(
    () =>
      connection
        ? { docId, connection, document, author, canComment: canComment && author !== null, canEdit, ui, marks, people }
        : null,
    [docId, connection, document, author, canComment, canEdit, ui, marks, people],
  );
}

const nobody: readonly DocumentPerson[] = [];

/** GET /api/documents/:id/people, once the user may read the document; nobody until then or without a network. */
function useDocumentPeople(docId: string, mayRead: boolean): readonly DocumentPerson[] {
  const [people, setPeople] = useState<readonly DocumentPerson[]>(nobody);
  useEffect(() => {
    if (!mayRead) return;
    const abort = new AbortController();
    fetchDocumentPeople(docId, abort.signal)
      .then(setPeople)
      .catch(() => {
        // Offline or refused: comments are written without picking people.
      });
    return () => abort.abort();
  }, [docId, mayRead]);
  return people;
}

/** Opening a document counts as looking at its comments (POST …/comments/seen); failures are of no matter. */
function useSeenOnOpen(docId: string, mayRead: boolean): void {
  useEffect(() => {
    if (mayRead) tellSeen(docId);
  }, [docId, mayRead]);
}

/** POST /api/documents/:id/comments/seen, ignoring failures (offline: the list will just say «new»). */
export function tellSeen(docId: string): void {
  markCommentsSeen(docId).catch(() => {});
}
