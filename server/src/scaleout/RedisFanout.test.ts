import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../log.ts";
import type { AppendedUpdate } from "../sync/DocRoom.ts";
import type { AccessChange } from "./Fanout.ts";
import { RedisFanout } from "./RedisFanout.ts";

const REDIS_URL = process.env.KARTA_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Whether Redis answers at REDIS_URL; CI on this machine kind requires it (CI_REQUIRE_REDIS=1). */
async function redisReachable(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const reachable = await redisReachable();
if (!reachable) {
  if (process.env.CI_REQUIRE_REDIS === "1")
    throw new Error(`Redis is required (CI_REQUIRE_REDIS=1) but not reachable at ${REDIS_URL}`);
  console.warn(`Redis not reachable at ${REDIS_URL}: the RedisFanout tests are skipped`);
}

/** Two instances' fan-outs on a real Redis. */
describe.skipIf(!reachable)("RedisFanout", () => {
  const open: RedisFanout[] = [];
  afterEach(async () => {
    for (const fanout of open.splice(0)) await fanout.close();
  });
  const instance = () => {
    const fanout = new RedisFanout(REDIS_URL, createLogger("silent"));
    open.push(fanout);
    return fanout;
  };
  const docId = () => `doc-${Math.random().toString(36).slice(2)}`;

  it("brings one instance's appends and presence to the other instances holding the room, not back to itself", async () => {
    const [a, b] = [instance(), instance()];
    const room = docId();
    const heard = { a: [] as AppendedUpdate[], b: [] as AppendedUpdate[], presence: [] as Uint8Array[] };
    const resynced = { a: 0, b: 0 };
    a.joinRoom(room, {
      appended: (e) => heard.a.push(e),
      presence: () => {},
      resync: () => resynced.a++,
    });
    b.joinRoom(room, {
      appended: (e) => heard.b.push(e),
      presence: (u) => heard.presence.push(u),
      resync: () => resynced.b++,
    });
    // Each room catches up once it listens: what was published before is in the log.
    await expect.poll(() => resynced).toEqual({ a: 1, b: 1 });
    const entry = { seq: 3, update: new Uint8Array([1, 2]), accountId: "acc-1", clientIds: [7] };
    a.publishAppended(room, entry);
    a.publishPresence(room, new Uint8Array([5]));
    await expect.poll(() => heard.b).toEqual([entry]);
    await expect.poll(() => heard.presence).toEqual([new Uint8Array([5])]);
    expect(heard.a).toEqual([]);
  });

  it("stops hearing a room it left, and hears access changes of every instance", async () => {
    const [a, b] = [instance(), instance()];
    const room = docId();
    const heard: AppendedUpdate[] = [];
    let resynced = 0;
    const leave = b.joinRoom(room, { appended: (e) => heard.push(e), presence: () => {}, resync: () => resynced++ });
    await expect.poll(() => resynced).toBe(1);
    const changes: AccessChange[] = [];
    b.onAccess((change) => changes.push(change));
    a.publishAccess({ kind: "credential", id: "session-1" });
    await expect.poll(() => changes).toEqual([{ kind: "credential", id: "session-1" }]);
    leave();
    // Once unsubscribed (the access message after it shows the subscriber's order), appends are not heard.
    a.publishAppended(room, { seq: 1, update: new Uint8Array([0, 0]), accountId: null, clientIds: [] });
    a.publishAccess({ kind: "account", id: "acc-2" });
    await expect.poll(() => changes).toHaveLength(2);
    expect(heard).toEqual([]);
  });

  it("relays document events to every instance, whether or not it holds the room, and not back to the sender", async () => {
    const [a, b, c] = [instance(), instance(), instance()];
    const doc = docId();
    // Other test runs may share the machine's Redis: only this document's events count.
    const heardBy = (fanout: RedisFanout) => {
      const heard: string[] = [];
      fanout.onDocumentEvent((id, event) => {
        if (id === doc) heard.push(event.type);
      });
      return heard;
    };
    const [heardA, heardB, heardC] = [heardBy(a), heardBy(b), heardBy(c)];
    // The access channel is subscribed with the events channel: once a change is heard, both are.
    const ready: AccessChange[] = [];
    b.onAccess((change) => ready.push(change));
    c.onAccess((change) => ready.push(change));
    await expect
      .poll(() => {
        a.publishAccess({ kind: "document", id: doc });
        return ready.length;
      })
      .toBeGreaterThanOrEqual(2);
    a.publishDocumentEvent(doc, { type: "summary" });
    a.publishDocumentEvent(doc, { type: "facts" });
    await expect.poll(() => heardB).toEqual(["summary", "facts"]);
    await expect.poll(() => heardC).toEqual(["summary", "facts"]);
    expect(heardA).toEqual([]);
  });
});

describe("RedisFanout without Redis", () => {
  it("closes although Redis never answered (a shutdown does not wait for it)", async () => {
    // Port 9 (discard) has nothing listening here: every connection attempt is refused.
    const fanout = new RedisFanout("redis://127.0.0.1:9", createLogger("silent"));
    fanout.publishAccess({ kind: "account", id: "acc-1" });
    await expect(fanout.close()).resolves.toBeUndefined();
  });
});
