import * as Y from "yjs";
import { DAILY_VERSION_MS } from "../limits.ts";
import type { Logger } from "../log.ts";
import type { DocumentStore, VersionKind } from "../storage/DocumentStore.ts";
import type { RoomRegistry } from "../sync/RoomRegistry.ts";

/**
 * Versions of a document's content: at each submit, agree and approve, when a
 * person saves a named one, and once a day for a document that changed. A
 * version is the encoded state of the content room at that moment (all the
 * diff needs: the cell and text values, and row ids to compare by).
 */
export class Versions {
  /** When each document last got a version (any kind), to space the daily ones. */
  private readonly lastAt = new Map<string, number>();

  constructor(
    private readonly store: DocumentStore,
    private readonly rooms: RoomRegistry,
    private readonly log: Logger,
  ) {}

  /**
   * Stores the content as it is now; returns the version's id. The room first
   * reads the log after what it holds: with several instances, what the others
   * stored and have not yet relayed belongs in the version too.
   */
  async take(docId: string, kind: VersionKind, name: string, createdBy: string | null): Promise<number> {
    const room = await this.rooms.open(docId);
    await room.catchUp();
    const id = await this.store.addVersion(
      { docId, kind, name, createdBy, createdAt: new Date().toISOString() },
      Y.encodeStateAsUpdate(room.doc),
    );
    this.lastAt.set(docId, Date.now());
    return id;
  }

  /** The content room stored a change: a daily version if the last one is a day old. */
  async changed(docId: string, doc: Y.Doc): Promise<void> {
    try {
      if (!this.lastAt.has(docId)) {
        const [latest] = await this.store.listVersions(docId);
        this.lastAt.set(docId, latest ? Date.parse(latest.createdAt) : 0);
      }
      if (Date.now() - (this.lastAt.get(docId) ?? 0) < DAILY_VERSION_MS) return;
      // Another instance may have taken one since this one last looked.
      const [latest] = await this.store.listVersions(docId);
      if (latest && Date.now() - Date.parse(latest.createdAt) < DAILY_VERSION_MS) {
        this.lastAt.set(docId, Date.parse(latest.createdAt));
        return;
      }
      this.lastAt.set(docId, Date.now());
      await this.store.addVersion(
        { docId, kind: "daily", name: "", createdBy: null, createdAt: new Date().toISOString() },
        Y.encodeStateAsUpdate(doc),
      );
    } catch (error) {
      this.log.error({ err: error, docId }, "could not store the daily version");
    }
  }
}
