import type { CellConflict, StoredCellEdit as CellEdit } from "@karta/doc";
import { CloseCode, LOCKED_FOR_AGREEMENT_REASON } from "@karta/schema";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { encodeStateInParts } from "../documents/stateParts.ts";
import { buildStoredDocument, readStoredDocument } from "../documents/storedDocument.ts";
import {
  CATCH_UP_DELAY_MS,
  COMPACT_EVERY_UPDATES,
  COMPACT_JITTER_UPDATES,
  MAX_BACKLOG_BYTES,
  MAX_MESSAGE_BYTES,
  READ_PAUSE_BACKLOG_BYTES,
} from "../limits.ts";
import type { Logger } from "../log.ts";
import type { DocumentStore, StoredState } from "../storage/DocumentStore.ts";
import { ClientIdOwners } from "./ClientIdOwners.ts";
import { Connection, type ConnectionGrant } from "./Connection.ts";
import { LogPosition } from "./LogPosition.ts";
import {
  decodeClientMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSaved,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
} from "./protocol.ts";
import { RoomPresence } from "./RoomPresence.ts";
import { isEmptyStateVector, WholeStateAnswer } from "./wholeStateAnswer.ts";

const LOADING = Symbol("loading from storage");
const SERVER_ORIGIN = Symbol("server change");
/** What another instance stored (or a presence it relayed), applied here. */
const REMOTE_ORIGIN = Symbol("another instance");

/**
 * Why the state a transaction left is not allowed (the template's rules, or
 * the comments model's for the connection that wrote it), or null.
 */
export type UpdateValidator = (doc: Y.Doc, transaction: Y.Transaction, writer: ConnectionGrant) => string | null;

/** What a room's updates must keep to: its template (or the comments shape), and its size. */
export interface RoomLimits {
  readonly validate: UpdateValidator;
  /** The largest state the room may grow to. */
  readonly maxBytes: number;
  /** The document is on agreement when it loads: nobody's updates are taken. */
  readonly locked?: boolean;
  /** What an accepted transaction did, worth keeping beside the log (cells set, conflicting writes). */
  readonly describe?: (doc: Y.Doc, transaction: Y.Transaction) => RoomFacts;
}

/** What `describe` found in the transactions of one stored update. */
export interface RoomFacts {
  readonly edits: readonly CellEdit[];
  readonly conflicts: readonly CellConflict[];
}

/** One stored update, as the room's hook hears of it. */
export interface StoredChange {
  /** Who sent it; null for a change the server made. */
  readonly accountId: string | null;
  readonly facts: RoomFacts | null;
  /** The account that writes under a Yjs client id, if known. */
  ownerOf(clientId: number): string | undefined;
}

/** An update appended to a document's log, as the instances holding the document tell each other. */
export interface AppendedUpdate {
  readonly seq: number;
  readonly update: Uint8Array;
  /** Who wrote it (null: the server) and the Yjs client ids it wrote under for the first time. */
  readonly accountId: string | null;
  readonly clientIds: readonly number[];
}

export interface RoomHooks {
  /** Storage failed: the room is unusable and must be forgotten. */
  onFailure(room: DocRoom): void;
  /** A connection's first refused update (read-only connection or invalid content), for the audit log. */
  onRefused(connection: Connection, reason: string): void;
  /** An update was stored and broadcast; `doc` is the room's state with it. */
  onStored(doc: Y.Doc, change: StoredChange): void;
  /** An update this room appended is stored: the other instances holding the document are told (scale-out). */
  onAppended?(appended: AppendedUpdate): void;
  /** Presence changed here (a local socket's, or one leaving): the other instances are told (scale-out). */
  onPresence?(update: Uint8Array): void;
}

/**
 * One loaded document and the sockets editing it. Incoming updates go through
 * a serial queue: apply to the loaded document, check what changed against
 * the template, append to the durable log, broadcast. So every peer receives
 * an update only after it is checked and stored, and every reply to a sync
 * request reflects all updates received before it. A refused update is
 * undone by reloading the stored state, which never held it. A connection
 * that asked for it is told, in the same queue, once its update is stored
 * (`acknowledge`).
 */
export class DocRoom {
  readonly connections = new Set<Connection>();
  readonly awareness: awarenessProtocol.Awareness;
  private readonly presence: RoomPresence;
  private queue: Promise<void> = Promise.resolve();
  /** What follows the appends in flight (broadcast, acknowledgement), in order: settled when all are stored. */
  private appendsDone: Promise<void> = Promise.resolve();
  /** An invalid update is being undone: stored changes are reported after the reload. */
  private reloading = false;
  private readonly storedDuringReload: StoredChange[] = [];
  private appendedSinceCompaction = 0;
  private readonly compactEvery = COMPACT_EVERY_UPDATES + Math.floor(Math.random() * (COMPACT_JITTER_UPDATES + 1));
  private failed = false;
  /** On agreement: every update that changes something is refused, whoever sends it. */
  private locked: boolean;
  /** The state vector of the stored state the room was loaded from: what an answer from the store covered. */
  private readonly loadedStateVector: Uint8Array;
  /** Something was stored since the room loaded (a template upgrade, an edit). */
  private changedSinceLoad = false;
  /** Which log entries the document holds: a gap means another instance's append has not arrived. */
  private readonly position: LogPosition;
  private catchUpTimer: NodeJS.Timeout | null = null;
  /** The answer to clients that have nothing of the document, encoded once for all of them. */
  private readonly wholeState = new WholeStateAnswer();

  private constructor(
    readonly docId: string,
    private current: Y.Doc,
    private readonly store: DocumentStore,
    private readonly log: Logger,
    lastSeq: number,
    private sizeBytes: number,
    private readonly limits: RoomLimits,
    private readonly owners: ClientIdOwners,
    private readonly hooks: RoomHooks,
  ) {
    this.locked = limits.locked ?? false;
    this.position = new LogPosition(lastSeq);
    this.loadedStateVector = Y.encodeStateVector(current);
    this.awareness = new awarenessProtocol.Awareness(current);
    this.awareness.setLocalState(null); // the server itself is not a participant
    this.awareness.on("update", this.onAwarenessUpdate);
    this.presence = new RoomPresence(
      this.awareness,
      this.connections,
      owners,
      () => this.current,
      (clientId) => log.debug({ docId, clientId }, "dropped presence under another's client id"),
    );
  }

  /**
   * Loads a document from its stored state (read by the caller, who may serve
   * it meanwhile: answeredFromStore); throws (writing nothing) if it is unreadable.
   */
  static async load(
    docId: string,
    stored: StoredState,
    store: DocumentStore,
    log: Logger,
    limits: RoomLimits,
    hooks: RoomHooks,
  ): Promise<DocRoom> {
    const owners = new ClientIdOwners(await store.loadClientIdOwners(docId));
    const { doc, size, lastSeq } = await buildStoredDocument(stored, LOADING);
    return new DocRoom(docId, doc, store, log, lastSeq, size, limits, owners, hooks);
  }

  get doc(): Y.Doc {
    return this.current;
  }

  /** Locks or unlocks the content (a transition to or from на согласовании); sockets are re-decided elsewhere. */
  setLocked(locked: boolean): void {
    this.locked = locked;
  }

  get isFailed(): boolean {
    return this.failed;
  }

  /** Adds the connection and greets it; if greeting fails it is not left in the room. */
  join(connection: Connection): void {
    const present = [...this.awareness.getStates().keys()];
    const greeting = [
      encodeSyncStep1(this.doc),
      ...(present.length > 0 ? [encodeAwareness(this.awareness, present)] : []),
    ];
    // A client answered from the store while the room loaded has the stored state; it is sent what came after.
    if (connection.answeredFromStore && this.changedSinceLoad) {
      greeting.push(encodeSyncStep2(this.doc, this.loadedStateVector));
    }
    this.connections.add(connection);
    for (const message of greeting) this.send(connection, message);
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
    }
  }

  /** Handles one binary message; a bad one closes that connection only. */
  receive(connection: Connection, message: Uint8Array): void {
    if (this.failed || !connection.accepting) return;
    if (message.byteLength > MAX_MESSAGE_BYTES) {
      connection.close(CloseCode.TooLarge, `message of ${message.byteLength} bytes is over ${MAX_MESSAGE_BYTES}`);
      return;
    }
    try {
      const decoded = decodeClientMessage(message);
      switch (decoded.type) {
        case "sync-step1":
          this.requestStep2(connection, decoded.stateVector);
          break;
        case "sync-update":
          this.receiveUpdate(connection, decoded.update, decoded.asReceived, ++connection.updatesReceived);
          break;
        case "awareness":
          this.presence.receive(connection, decoded.update);
          break;
        case "query-awareness":
          this.answerPresenceQuery(connection);
          break;
      }
    } catch (error) {
      this.reject(connection, error);
    }
  }

  /**
   * A change made by the server itself (a template upgrade at load, a comment
   * posted over HTTP): applied
   * in the queue like a client's update, stored, then broadcast.
   */
  async applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    let update: Uint8Array | null = null;
    const run = async () => {
      await this.appendsDone;
      if (this.failed) return;
      const capture = (u: Uint8Array) => {
        update = u;
      };
      this.current.on("update", capture);
      try {
        this.current.transact(() => change(this.current), SERVER_ORIGIN);
      } finally {
        this.current.off("update", capture);
      }
      if (update === null) return;
      try {
        this.appended({
          seq: await this.store.appendUpdate(this.docId, update),
          update,
          accountId: null,
          clientIds: [],
        });
      } catch (error) {
        this.fail(error);
        return;
      }
      this.appendedSinceCompaction++;
      this.changedSinceLoad = true;
      this.broadcast(encodeUpdate(update), null);
      this.hooks.onStored(this.current, { accountId: null, facts: null, ownerOf: (id) => this.owners.ownerOf(id) });
    };
    this.queue = this.queue.then(run);
    await this.queue;
  }

  /**
   * Compacts the log into a snapshot if anything was appended, after the work
   * queued before it and in the same queue: no append runs between reading the
   * state and storing it as the snapshot, whatever the store's latency.
   */
  async flush(): Promise<void> {
    this.queue = this.queue.then(async () => {
      await this.appendsDone;
      if (!this.failed && this.appendedSinceCompaction > 0) await this.compact();
    });
    await this.queue;
  }

  /**
   * Updates other instances appended to the document's log (scale-out): each
   * is applied unless the room holds it already, and what was new in it is
   * sent to the room's sockets. Nothing is stored: it is stored already.
   */
  applyAppended(entries: readonly AppendedUpdate[]): void {
    this.queue = this.queue.then(async () => {
      await this.appendsDone;
      if (!this.failed) this.integrateAppended(entries);
    });
  }

  /**
   * Reads what the log holds after what the room holds and applies it: run when
   * a gap stays open, and when the fan-out may have missed messages (it was
   * down, or the room subscribed after loading).
   */
  catchUp(): Promise<void> {
    this.queue = this.queue.then(async () => {
      await this.appendsDone;
      if (this.failed) return;
      let since: Awaited<ReturnType<DocumentStore["loadSince"]>>;
      try {
        since = await this.store.loadSince(this.docId, this.position.contiguous);
      } catch (error) {
        this.log.error({ err: error, docId: this.docId }, "reading the log to catch up failed");
        return;
      }
      if (since.snapshot) {
        const { parts, uptoSeq } = since.snapshot;
        this.integrate(() => {
          for (const part of parts) Y.applyUpdate(this.current, part, REMOTE_ORIGIN);
        });
        this.position.holdsUpTo(uptoSeq);
      }
      this.integrateAppended(since.updates.map((u) => ({ ...u, accountId: null, clientIds: [] })));
    });
    return this.queue;
  }

  /** A presence update another instance relayed: shown to this room's sockets, not sent back. */
  applyRelayedPresence(update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
    } catch (error) {
      this.log.warn({ err: error, docId: this.docId }, "dropped a malformed relayed presence update");
    }
  }

  destroy(): void {
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.awareness.destroy();
    this.wholeState.clear();
    this.doc.destroy();
  }

  /**
   * `sequence`: this is the connection's n-th update message (what a saved message acknowledges).
   * `asReceived`: the message, if it may be forwarded to the peers as it came.
   */
  private receiveUpdate(
    connection: Connection,
    update: Uint8Array,
    asReceived: Uint8Array | null,
    sequence: number,
  ): void {
    // Clients send an empty step 2 when they have nothing new: nothing to store.
    // (Anything else is decoded once, by Yjs applying it: a malformed one is refused there.)
    if (isEmptyUpdate(update)) {
      if (connection.wantsSaved) this.enqueue(connection, () => this.acknowledge(connection, sequence));
      return;
    }
    if (!connection.canWrite || this.locked) {
      this.enqueue(connection, () => this.refuseReadOnly(connection, update, sequence));
      return;
    }
    if (this.sizeBytes + update.byteLength > this.limits.maxBytes) {
      connection.close(CloseCode.TooLarge, `document would exceed ${this.limits.maxBytes} bytes`);
      return;
    }
    connection.queuedBytes += update.byteLength;
    this.enqueue(
      connection,
      async () => {
        connection.queuedBytes -= update.byteLength;
        const { integrated, violation, claims, facts } = this.applyAndCheck(connection, update);
        if (violation !== null) {
          await this.refuse(connection, violation);
          return;
        }
        // What the saved message will say the stored state is, once this and the appends before it are stored;
        // not encoded when a later message of the connection is in already (its saved message says more).
        const stateVector =
          connection.wantsSaved && sequence === connection.updatesReceived ? Y.encodeStateVector(this.current) : null;
        if (integrated === null) {
          // Everything in it was already here (a client resending what it sent before a reconnect).
          this.afterAppends(() => this.acknowledge(connection, sequence, stateVector));
          return;
        }
        const accountId = connection.grant.accountId;
        // Submitted now, so that the updates queued behind this one join the same group commit;
        // nothing of it is sent to anyone before it is stored (afterAppends).
        const appended = settle(this.store.appendUpdate(this.docId, integrated, { accountId, clientIds: claims }));
        this.owners.claim(accountId, claims);
        this.sizeBytes += integrated.byteLength;
        this.appendedSinceCompaction++;
        this.changedSinceLoad = true;
        // The common edit is new as a whole, and Yjs encodes it as the client did: forward it.
        const forwarded = asReceived !== null && sameBytes(integrated, update) ? asReceived : encodeUpdate(integrated);
        this.afterAppends(async () => {
          const outcome = await appended;
          if ("error" in outcome) {
            this.fail(outcome.error);
            return;
          }
          this.appended({ seq: outcome.value, update: integrated, accountId, clientIds: claims });
          this.broadcast(forwarded, connection);
          this.acknowledge(connection, sequence, stateVector);
          this.stored({ accountId, facts, ownerOf: (id) => this.owners.ownerOf(id) });
        });
        if (this.appendedSinceCompaction >= this.compactEvery) {
          await this.appendsDone;
          if (!this.failed) await this.compact();
        }
      },
      { afterAppends: false },
    );
  }

  /**
   * Refuses an invalid update: once the appends before it are stored, the
   * stored state (which never held it, and which nobody was sent) is loaded
   * again. Meanwhile the room's document holds it: what those appends report
   * as stored waits for the reload.
   */
  private async refuse(connection: Connection, violation: string): Promise<void> {
    this.reloading = true;
    await this.appendsDone;
    await this.rollback();
    this.reloading = false;
    for (const change of this.storedDuringReload.splice(0)) this.hooks.onStored(this.current, change);
    this.log.warn({ docId: this.docId, reason: violation }, "refused an invalid update");
    this.markRefused(connection, violation);
    connection.close(CloseCode.InvalidMessage, `invalid update: ${violation}`);
  }

  /** Tells the room's hook an update is stored, with the document as it is (never an invalid state). */
  private stored(change: StoredChange): void {
    if (this.reloading) this.storedDuringReload.push(change);
    else this.hooks.onStored(this.current, change);
  }

  /** Runs `step` once every append submitted so far is stored (or failed), in the order they were submitted. */
  private afterAppends(step: () => void | Promise<void>): void {
    this.appendsDone = this.appendsDone.then(async () => {
      if (this.failed) return;
      try {
        await step();
      } catch (error) {
        this.log.error({ err: error, docId: this.docId }, "unexpected error after storing an update");
      }
    });
  }

  /**
   * Applies the update to the loaded document and checks the transaction:
   * the client ids it writes under, then the template. `integrated` is what was
   * new in it (Yjs' own encoding of the change), which is what gets stored and
   * broadcast; `claims` the client ids the sender writes under for the first time.
   */
  private applyAndCheck(
    connection: Connection,
    update: Uint8Array,
  ): { integrated: Uint8Array | null; violation: string | null; claims: number[]; facts: RoomFacts | null } {
    const doc = this.current;
    let integrated: Uint8Array | null = null;
    let violation: string | null = null;
    let claims: number[] = [];
    const edits: CellEdit[] = [];
    const conflicts: CellConflict[] = [];
    const hadPending = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
    const onTransaction = (transaction: Y.Transaction) => {
      const ids = this.owners.check(transaction, connection.grant.accountId, (id) => this.presence.holderOf(id));
      if ("violation" in ids) violation ??= ids.violation;
      else claims = [...claims, ...ids.claims];
      violation ??= this.limits.validate(doc, transaction, connection.grant);
      if (violation === null && this.limits.describe) {
        const found = this.limits.describe(doc, transaction);
        edits.push(...found.edits);
        conflicts.push(...found.conflicts);
      }
    };
    const onUpdate = (change: Uint8Array) => {
      integrated = change;
    };
    doc.on("afterTransaction", onTransaction);
    doc.on("update", onUpdate);
    try {
      Y.applyUpdate(doc, update, connection);
    } catch (error) {
      violation = `not a valid Yjs update (${(error as Error).message})`;
    } finally {
      doc.off("afterTransaction", onTransaction);
      doc.off("update", onUpdate);
    }
    if (violation === null && !hadPending && (doc.store.pendingStructs !== null || doc.store.pendingDs !== null)) {
      violation = "the update depends on changes the server does not have";
    }
    const facts = this.limits.describe ? { edits, conflicts } : null;
    return { integrated, violation, claims, facts };
  }

  /** Puts back the stored state: it never held the refused update, and nobody was sent it. */
  private async rollback(): Promise<void> {
    try {
      const { doc, size, lastSeq } = await readStoredDocument(this.store, this.docId, LOADING);
      const before = Y.encodeStateVector(this.current);
      this.current = doc;
      this.awareness.doc = doc;
      this.sizeBytes = size;
      // The stored state may hold other instances' appends the room had not received yet: its sockets get them.
      if (this.position.contiguous < lastSeq) this.broadcast(encodeUpdate(Y.encodeStateAsUpdate(doc, before)), null);
      this.position.holdsUpTo(lastSeq);
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * A read-only connection sends its step 2 on every connect; if that holds
   * nothing new it is dropped silently. Anything new is refused and the
   * client is told why, over y-protocols' "permission denied".
   */
  private refuseReadOnly(connection: Connection, update: Uint8Array, sequence: number): void {
    if (Y.snapshotContainsUpdate(Y.snapshot(this.current), update)) {
      this.acknowledge(connection, sequence);
      return;
    }
    const reason = this.locked ? LOCKED_FOR_AGREEMENT_REASON : connection.grant.readOnlyReason;
    this.send(connection, encodePermissionDenied(reason));
    this.markRefused(connection, reason);
  }

  /** Remembers that this connection had an update refused; reports the first one. */
  private markRefused(connection: Connection, reason: string): void {
    if (!connection.hasRefusedUpdate) this.hooks.onRefused(connection, reason);
    connection.hasRefusedUpdate = true;
  }

  /**
   * Tells a connection that asked (`?saved=1`) that its update messages up to
   * `sequence` are stored: called in the queue, after the append resolved (or
   * found nothing new), so the state vector sent is that of the stored state.
   * If a later update of the same connection is already queued, its
   * acknowledgement will say more: this one is skipped. After a refusal the
   * count would cover the refused message: nothing is acknowledged any more.
   */
  private acknowledge(connection: Connection, sequence: number, stateVector: Uint8Array | null = null): void {
    if (!connection.wantsSaved || connection.hasRefusedUpdate || sequence !== connection.updatesReceived) return;
    this.send(connection, encodeSaved(stateVector ?? Y.encodeStateVector(this.current), sequence));
  }

  /**
   * A sync step 1 is answered in the queue, after every update received before
   * it. One answer per connection is queued or waiting at a time: a step 1 that
   * arrives meanwhile only replaces the state vector to answer. While the client
   * has not read what it was sent, the answer waits (a client that sends step 1
   * after step 1 and reads nothing would otherwise make the server hold a copy
   * of the document for each). Later answers only include more.
   */
  private requestStep2(connection: Connection, stateVector: Uint8Array): void {
    const queued = connection.pendingStateVector !== null;
    connection.pendingStateVector = stateVector;
    if (!queued) this.enqueue(connection, () => this.answerStep1(connection));
  }

  private answerStep1(connection: Connection): void {
    if (connection.backlogBytes > READ_PAUSE_BACKLOG_BYTES) {
      connection.whenDrained(() => this.enqueue(connection, () => this.answerStep1(connection)));
      return;
    }
    const stateVector = connection.pendingStateVector;
    connection.pendingStateVector = null;
    if (!stateVector) return;
    const answer = isEmptyStateVector(stateVector)
      ? this.wholeState.messages(this.doc)
      : [encodeSyncStep2(this.doc, stateVector)];
    const bytes = answer.reduce((sum, message) => sum + message.byteLength, 0);
    connection.largestAnswerBytes = Math.max(connection.largestAnswerBytes, bytes);
    for (const message of answer) this.send(connection, message);
  }

  /** Everyone's presence, sent when the client has read what it was sent before; queries meanwhile are one. */
  private answerPresenceQuery(connection: Connection): void {
    if (connection.presenceQueryPending) return;
    if (connection.backlogBytes > READ_PAUSE_BACKLOG_BYTES) {
      connection.presenceQueryPending = true;
      connection.whenDrained(() => {
        connection.presenceQueryPending = false;
        this.answerPresenceQuery(connection);
      });
      return;
    }
    this.send(connection, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
  }

  /**
   * Sends to one connection. One that has fallen behind by more than its
   * largest sync answer plus MAX_BACKLOG_BYTES is closed: catching up by
   * reconnecting costs the server one answer, not a copy of every update.
   */
  private send(connection: Connection, message: Uint8Array): void {
    connection.send(message);
    if (connection.backlogBytes > MAX_BACKLOG_BYTES + connection.largestAnswerBytes) {
      this.log.warn({ docId: this.docId, backlog: connection.backlogBytes }, "closing a connection that fell behind");
      connection.close(CloseCode.FellBehind, "the client does not read what it is sent");
    }
  }

  /**
   * Queues a task of the connection. By default it runs once every append
   * submitted before it is stored, so it sees (and sends) only stored state;
   * the update path opts out (`afterAppends: false`) to put the room's queued
   * updates into one group commit.
   */
  private enqueue(
    connection: Connection,
    task: () => void | Promise<void>,
    options: { afterAppends: boolean } = { afterAppends: true },
  ): void {
    this.queue = this.queue.then(async () => {
      // A connection the server closed meanwhile (rights revoked, say) is heard no more.
      if (this.failed || !connection.accepting) return;
      try {
        if (options.afterAppends) await this.appendsDone;
        if (this.failed || !connection.accepting) return;
        await task();
      } catch (error) {
        this.reject(connection, error);
      }
    });
  }

  /** An update this room appended is stored: it holds that entry, and the other instances are told. */
  private appended(entry: AppendedUpdate): void {
    this.position.add(entry.seq);
    this.hooks.onAppended?.(entry);
    this.watchForGap();
  }

  /** Applies entries of the log another instance appended; what was new in them goes to the sockets. */
  private integrateAppended(entries: readonly AppendedUpdate[]): void {
    for (const entry of entries) {
      if (this.position.has(entry.seq)) continue;
      this.integrate(() => Y.applyUpdate(this.current, entry.update, REMOTE_ORIGIN));
      this.position.add(entry.seq);
      if (entry.accountId !== null) this.owners.claim(entry.accountId, entry.clientIds);
      this.sizeBytes += entry.update.byteLength;
    }
    this.watchForGap();
  }

  /** Runs a change of stored content from elsewhere and sends the room's sockets what was new in it. */
  private integrate(apply: () => void): void {
    const news: Uint8Array[] = [];
    const capture = (update: Uint8Array) => news.push(update);
    this.current.on("update", capture);
    try {
      apply();
    } finally {
      this.current.off("update", capture);
    }
    if (news.length === 0) return;
    this.changedSinceLoad = true;
    this.broadcast(encodeUpdate(news.length === 1 ? (news[0] as Uint8Array) : Y.mergeUpdates(news)), null);
  }

  /** A gap that is still open after CATCH_UP_DELAY_MS is filled from the log. */
  private watchForGap(): void {
    if (!this.position.hasGap || this.catchUpTimer !== null) return;
    this.catchUpTimer = setTimeout(() => {
      this.catchUpTimer = null;
      if (this.position.hasGap) void this.catchUp();
    }, CATCH_UP_DELAY_MS);
    this.catchUpTimer.unref();
  }

  private async compact(): Promise<void> {
    const state = encodeStateInParts(this.doc);
    const upto = this.position.contiguous;
    try {
      await this.store.compact(this.docId, state, upto);
      this.appendedSinceCompaction = 0;
      this.sizeBytes = state.reduce((sum, part) => sum + part.byteLength, 0);
    } catch (error) {
      // The log still holds every update: compaction can be retried later.
      this.log.error({ err: error, docId: this.docId }, "compaction failed");
    }
  }

  private reject(connection: Connection, error: unknown): void {
    if (error instanceof ProtocolError) {
      this.log.warn({ docId: this.docId, reason: error.message }, "closing a connection that sent an invalid message");
      connection.close(CloseCode.InvalidMessage, error.message);
    } else {
      this.log.error({ err: error, docId: this.docId }, "unexpected error handling a message");
      connection.close(CloseCode.InvalidMessage, "message could not be processed");
    }
  }

  /**
   * Storage refused a write. Whatever is in memory but not stored must not be
   * served as if it were: drop the room and let clients reconnect; they still
   * hold their edits and send them again on the next sync.
   */
  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.log.error({ err: error, docId: this.docId }, "persisting an update failed; unloading the document");
    for (const connection of this.connections) connection.close(CloseCode.DocumentUnavailable, "storage failure");
    this.hooks.onFailure(this);
  }

  private broadcast(message: Uint8Array, except: unknown): void {
    for (const connection of this.connections) if (connection !== except) this.send(connection, message);
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (origin instanceof Connection) {
      for (const id of [...added, ...updated]) origin.awarenessIds.add(id);
      for (const id of removed) origin.awarenessIds.delete(id);
    }
    const message = encodeAwareness(this.awareness, changed);
    this.broadcast(message, null);
    if (origin !== REMOTE_ORIGIN && this.hooks.onPresence) {
      this.hooks.onPresence(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    }
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/** A promise that never rejects: its outcome is read later, and a rejection meanwhile must not go unhandled. */
function settle<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** An update with no structs and no deletions: Yjs' v1 encoding of nothing is two zero counts. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}
