import { CloseCode } from "@karta/schema";
import type * as Y from "yjs";
import type { Logger } from "../log.ts";
import type { Fanout } from "../scaleout/Fanout.ts";
import type { DocumentStore, StoredState } from "../storage/DocumentStore.ts";
import type { Connection } from "./Connection.ts";
import { DocRoom, type RoomHooks, type RoomLimits, type StoredChange } from "./DocRoom.ts";

export interface RoomRules {
  /** The template check and size limit of a room (content or comments), known before it loads. */
  limitsFor(room: string): Promise<RoomLimits>;
  /** A connection's first refused update; for the audit log. */
  onRefused(connection: Connection, reason: string): void;
  /** Brings a just-loaded document up to date (template migrations); its change is stored. */
  upgrade(room: string, doc: Y.Doc): void;
  /** A room stored an update (a client's or the server's); `doc` holds it. */
  onStored(room: string, doc: Y.Doc, change: StoredChange): void;
}

/**
 * Loads each document once, however many sockets ask at the same moment, and
 * unloads it after it has been idle for a while, compacting its log first.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<DocRoom>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly loading = new Map<string, Promise<StoredState>>();
  /** Stops hearing the other instances about a room (scale-out), by document id. */
  private readonly leaveFanout = new Map<string, () => void>();

  constructor(
    private readonly store: DocumentStore,
    private readonly log: Logger,
    private readonly idleUnloadMs: number,
    private readonly rules: RoomRules,
    /** The other instances, when there are some (REDIS_URL). */
    private readonly fanout: Fanout | null = null,
  ) {}

  get loadedCount(): number {
    return this.rooms.size;
  }

  /** Adds a connection to its document's room, loading the document if needed. */
  async join(connection: Connection): Promise<DocRoom> {
    const room = await this.acquire(connection.docId);
    this.cancelIdle(connection.docId);
    try {
      room.join(connection);
    } catch (error) {
      this.leave(room, connection);
      throw error;
    }
    return room;
  }

  leave(room: DocRoom, connection: Connection): void {
    room.leave(connection);
    if (room.connections.size === 0 && !room.isFailed) this.scheduleUnload(room);
  }

  /**
   * The loaded room, for a change or a read made over HTTP; loads it if needed
   * and, when nobody is connected, lets it unload after the idle time.
   */
  async open(docId: string): Promise<DocRoom> {
    const room = await this.acquire(docId);
    if (room.connections.size === 0 && !this.idleTimers.has(docId)) this.scheduleUnload(room);
    return room;
  }

  /** The content of a document's room when it is loaded (or loading), without loading it; null otherwise. */
  async loadedDoc(docId: string): Promise<Y.Doc | null> {
    const room = await this.rooms.get(docId)?.catch(() => null);
    return room && !room.isFailed ? room.doc : null;
  }

  /** Locks or unlocks a document's content room, if it is loaded or loading (else it reads its status when it loads). */
  async setLocked(docId: string, locked: boolean): Promise<void> {
    const room = await this.rooms.get(docId)?.catch(() => null);
    room?.setLocked(locked);
  }

  /** Flushes every loaded document and closes every socket; for a clean shutdown. */
  async shutdown(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const rooms = await Promise.allSettled(this.rooms.values());
    for (const result of rooms) {
      if (result.status !== "fulfilled") continue;
      const room = result.value;
      for (const connection of room.connections) connection.close(CloseCode.ServerShutdown, "server shutting down");
      await room.flush();
      this.forget(room);
    }
    this.rooms.clear();
  }

  /** The stored state a loading room is read from, while it loads (to answer from it meanwhile); null otherwise. */
  storedWhileLoading(docId: string): Promise<StoredState> | null {
    return this.loading.get(docId) ?? null;
  }

  private acquire(docId: string): Promise<DocRoom> {
    let room = this.rooms.get(docId);
    if (!room) {
      const stored = this.store.loadState(docId);
      this.loading.set(docId, stored);
      room = Promise.all([this.rules.limitsFor(docId), stored]).then(async ([limits, state]) => {
        const loaded = await DocRoom.load(docId, state, this.store, this.log, limits, this.hooksFor(docId));
        this.hearOtherInstances(loaded);
        await loaded.applyServerChange((doc) => this.rules.upgrade(docId, doc));
        if (loaded.isFailed) throw new Error(`${docId} could not be upgraded`);
        return loaded;
      });
      this.rooms.set(docId, room);
      void room.finally(() => this.loading.delete(docId)).catch(() => {});
      // A document that failed to load is forgotten, so the next attempt reads storage again.
      room.catch((error: unknown) => {
        this.log.error({ err: error, docId }, "document failed to load; nothing will be written for it");
        this.rooms.delete(docId);
      });
    }
    return room;
  }

  private hooksFor(docId: string): RoomHooks {
    const hooks: RoomHooks = {
      onFailure: (failed) => this.drop(failed),
      onRefused: (connection, reason) => this.rules.onRefused(connection, reason),
      onStored: (doc, change) => this.rules.onStored(docId, doc, change),
    };
    const fanout = this.fanout;
    if (!fanout) return hooks;
    return {
      ...hooks,
      onAppended: (entry) => fanout.publishAppended(docId, entry),
      onPresence: (update) => fanout.publishPresence(docId, update),
    };
  }

  /** With several instances, a loaded room hears what the others store and relay for its document. */
  private hearOtherInstances(room: DocRoom): void {
    if (!this.fanout) return;
    const leave = this.fanout.joinRoom(room.docId, {
      appended: (entry) => room.applyAppended([entry]),
      presence: (update) => room.applyRelayedPresence(update),
      resync: () => void room.catchUp(),
    });
    this.leaveFanout.set(room.docId, leave);
  }

  /** Destroys a room that is no longer in the registry, and stops hearing about it. */
  private forget(room: DocRoom): void {
    this.leaveFanout.get(room.docId)?.();
    this.leaveFanout.delete(room.docId);
    room.destroy();
  }

  private scheduleUnload(room: DocRoom): void {
    this.cancelIdle(room.docId);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.docId);
      void this.unload(room);
    }, this.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(room.docId, timer);
  }

  private async unload(room: DocRoom): Promise<void> {
    await room.flush();
    // Someone may have joined while the flush ran.
    if (room.connections.size > 0) return;
    this.rooms.delete(room.docId);
    this.forget(room);
    this.log.debug({ docId: room.docId }, "unloaded idle document");
  }

  private drop(room: DocRoom): void {
    this.cancelIdle(room.docId);
    this.rooms.delete(room.docId);
    this.forget(room);
  }

  private cancelIdle(docId: string): void {
    const timer = this.idleTimers.get(docId);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(docId);
  }
}
