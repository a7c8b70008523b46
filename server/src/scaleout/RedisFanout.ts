import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { Logger } from "../log.ts";
import type { AppendedUpdate } from "../sync/DocRoom.ts";
import type { AccessChange, Fanout, RelayedEvent, RoomListener } from "./Fanout.ts";
import {
  decodeAccessMessage,
  decodeEventMessage,
  decodeRoomMessage,
  encodeAccessMessage,
  encodeEventMessage,
  encodeRoomMessage,
} from "./fanoutMessages.ts";

const ROOM_CHANNEL_PREFIX = "karta:room:";
const ACCESS_CHANNEL = "karta:access";
const EVENTS_CHANNEL = "karta:events";

/**
 * The fan-out over Redis pub/sub: one channel per loaded room, which only
 * the instances holding that room subscribe to, one for access changes and
 * one for document events (every instance: its pages and dashboards may
 * watch a document it does not hold).
 * Pub/sub delivers at most once and not while disconnected; that is fine
 * here, as every room catches up from the log when told to `resync` (after
 * it subscribed, and after every reconnection to Redis).
 */
export class RedisFanout implements Fanout {
  /** Tells this instance's own messages from others'. */
  readonly instanceId = randomUUID();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly rooms = new Map<string, Set<RoomListener>>();
  private readonly accessListeners: ((change: AccessChange) => void)[] = [];
  private readonly eventListeners: ((docId: string, event: RelayedEvent) => void)[] = [];
  private connectedBefore = false;

  constructor(
    url: string,
    private readonly log: Logger,
  ) {
    // Commands wait in ioredis' queue while Redis is away and go out when it is back; nothing blocks the server.
    const options = { maxRetriesPerRequest: null, lazyConnect: false } as const;
    this.publisher = new Redis(url, options);
    this.subscriber = new Redis(url, options);
    for (const [name, client] of [
      ["publisher", this.publisher],
      ["subscriber", this.subscriber],
    ] as const) {
      client.on("error", (error: Error) => log.warn({ err: error, client: name }, "Redis connection error"));
    }
    this.subscriber.on("ready", () => {
      // ioredis subscribes again by itself; what was published meanwhile is read from the log.
      if (this.connectedBefore) {
        log.info({ rooms: this.rooms.size }, "reconnected to Redis: catching up every loaded room from the log");
        for (const listeners of this.rooms.values()) for (const listener of listeners) listener.resync();
      }
      this.connectedBefore = true;
    });
    this.subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => this.receive(channel, message));
    void this.subscriber.subscribe(ACCESS_CHANNEL, EVENTS_CHANNEL).catch((error: unknown) => {
      log.error({ err: error }, "could not subscribe to access changes and document events");
    });
  }

  joinRoom(docId: string, listener: RoomListener): () => void {
    const channel = ROOM_CHANNEL_PREFIX + docId;
    let listeners = this.rooms.get(docId);
    if (!listeners) {
      listeners = new Set();
      this.rooms.set(docId, listeners);
    }
    listeners.add(listener);
    this.subscriber.subscribe(channel).then(
      () => listener.resync(),
      (error: unknown) => this.log.error({ err: error, docId }, "could not subscribe to a room's channel"),
    );
    return () => {
      const set = this.rooms.get(docId);
      if (!set?.delete(listener) || set.size > 0) return;
      this.rooms.delete(docId);
      void this.subscriber.unsubscribe(channel).catch(() => {});
    };
  }

  publishAppended(docId: string, entry: AppendedUpdate): void {
    this.publishRoom(docId, encodeRoomMessage({ kind: "appended", from: this.instanceId, entry }));
  }

  publishPresence(docId: string, update: Uint8Array): void {
    this.publishRoom(docId, encodeRoomMessage({ kind: "presence", from: this.instanceId, update }));
  }

  publishAccess(change: AccessChange): void {
    this.publisher.publish(ACCESS_CHANNEL, encodeAccessMessage(this.instanceId, change)).catch((error: unknown) => {
      this.log.error({ err: error, change }, "could not publish an access change");
    });
  }

  onAccess(listener: (change: AccessChange) => void): void {
    this.accessListeners.push(listener);
  }

  publishDocumentEvent(docId: string, event: RelayedEvent): void {
    const message = encodeEventMessage(this.instanceId, docId, event);
    this.publisher.publish(EVENTS_CHANNEL, message).catch((error: unknown) => {
      // Lost events only delay a page or a dashboard: they read afresh on the next one.
      this.log.warn({ err: error, docId, event: event.type }, "could not publish a document event");
    });
  }

  onDocumentEvent(listener: (docId: string, event: RelayedEvent) => void): void {
    this.eventListeners.push(listener);
  }

  /** Says goodbye to Redis if it answers within a second; a shutdown never waits for a Redis that is away. */
  async close(): Promise<void> {
    const goodbye = Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
    await Promise.race([goodbye, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }

  private publishRoom(docId: string, message: Uint8Array): void {
    this.publisher.publish(ROOM_CHANNEL_PREFIX + docId, Buffer.from(message)).catch((error: unknown) => {
      // Not fatal: the other instances read the log when they notice the gap.
      this.log.warn({ err: error, docId }, "could not publish to a room's channel");
    });
  }

  private receive(channelBytes: Buffer, message: Buffer): void {
    const channel = channelBytes.toString();
    try {
      if (channel === ACCESS_CHANNEL) {
        const { from, change } = decodeAccessMessage(message.toString());
        if (from !== this.instanceId) for (const listener of this.accessListeners) listener(change);
        return;
      }
      if (channel === EVENTS_CHANNEL) {
        const { from, docId, event } = decodeEventMessage(message.toString());
        if (from !== this.instanceId) for (const listener of this.eventListeners) listener(docId, event);
        return;
      }
      if (!channel.startsWith(ROOM_CHANNEL_PREFIX)) return;
      const listeners = this.rooms.get(channel.slice(ROOM_CHANNEL_PREFIX.length));
      if (!listeners) return;
      const decoded = decodeRoomMessage(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
      if (decoded.from === this.instanceId) return;
      for (const listener of listeners) {
        if (decoded.kind === "appended") listener.appended(decoded.entry);
        else listener.presence(decoded.update);
      }
    } catch (error) {
      this.log.warn({ err: error, channel }, "dropped a fan-out message this instance cannot read");
    }
  }
}
