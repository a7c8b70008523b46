import { SAVED_QUERY_PARAMETER } from "@karta/schema";
import * as encoding from "lib0/encoding";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as syncProtocol from "y-protocols/sync";
import { messageSync, WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import {
  ASK_FOR_EVERYTHING,
  claimEarlySocket,
  documentSocketUrl,
  type EarlySocketEnvironment,
  openEarlySocket,
  syncServerUrl,
  UNCLAIMED_CLOSE_MS,
} from "./earlySocket.ts";

const host = { protocol: "https:", host: "karta.example" };

/** Enough of the browser's WebSocket: listeners, sends and closes noted, events fired by the test. */
class FakeSocket extends EventTarget {
  static made: FakeSocket[] = [];
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = "blob";
  readonly sent: unknown[] = [];
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeSocket.made.push(this);
  }
  send(data: unknown) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.dispatchEvent(new Event("open"));
  }
  receive(data: ArrayBuffer) {
    this.dispatchEvent(new MessageEvent("message", { data }));
  }
}

function environment(docId: string, known: readonly string[] = [], online = true): EarlySocketEnvironment {
  return {
    location: { ...host, pathname: `/d/${docId}` },
    online,
    databases: async () => known.map((name) => ({ name })),
    WebSocket: FakeSocket as unknown as new (url: string) => WebSocket,
  };
}

/** Lets the databases() promise and the hand-over's microtask run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  FakeSocket.made = [];
  vi.useRealTimers();
});

describe("early socket", () => {
  it("opens the URL y-websocket opens, and asks as y-websocket asks with nothing of the document", () => {
    const provider = new WebsocketProvider(syncServerUrl(host), "doc1", new Y.Doc(), {
      connect: false,
      params: { [SAVED_QUERY_PARAMETER]: "1" },
      WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
    });
    expect(documentSocketUrl(host, "doc1")).toBe(provider.url);
    provider.destroy();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, new Y.Doc());
    expect(encoding.toUint8Array(encoder)).toEqual(ASK_FOR_EVERYTHING);
  });

  it("is not opened for a document this device has a copy of, offline, or on another page", async () => {
    openEarlySocket(environment("kept", ["other", "kept"]));
    openEarlySocket(environment("offline", [], false));
    openEarlySocket({ ...environment("x"), location: { ...host, pathname: "/monitoring" } });
    await settle();
    expect(FakeSocket.made).toEqual([]);
    expect(claimEarlySocket(documentSocketUrl(host, "kept"))).toBeNull();
  });

  it("hands what came before to y-websocket's handlers in order, and asks for everything only once", async () => {
    openEarlySocket(environment("fresh", ["other"]));
    await settle();
    const [raw] = FakeSocket.made;
    if (!raw) throw new Error("no socket");
    expect(raw.binaryType).toBe("arraybuffer");
    raw.open();
    expect(raw.sent).toEqual([ASK_FOR_EVERYTHING]);
    raw.receive(new Uint8Array([1]).buffer);
    raw.receive(new Uint8Array([2]).buffer);

    expect(claimEarlySocket(documentSocketUrl(host, "another"))).toBeNull();
    const onSend = vi.fn();
    const socket = claimEarlySocket(documentSocketUrl(host, "fresh"), onSend);
    if (!socket) throw new Error("not handed over");
    const seen: string[] = [];
    socket.onopen = () => {
      seen.push("open");
      socket.send(new Uint8Array(ASK_FOR_EVERYTHING)); // y-websocket's own step 1 on open
    };
    socket.onmessage = (event) => seen.push(`message ${new Uint8Array(event.data as ArrayBuffer)[0]}`);
    socket.onclose = () => seen.push("close");
    expect(socket.readyState).toBe(socket.OPEN);
    await settle();
    raw.receive(new Uint8Array([3]).buffer);
    expect(seen).toEqual(["open", "message 1", "message 2", "message 3"]);
    expect(raw.sent).toEqual([ASK_FOR_EVERYTHING]);
    expect(onSend).not.toHaveBeenCalled();

    const change = new Uint8Array([0, 2, 1, 7]);
    socket.send(change);
    expect(raw.sent).toEqual([ASK_FOR_EVERYTHING, change]);
    expect(onSend).toHaveBeenCalledWith(socket, change);
    // Claimed once: a second connection gets a socket of its own.
    expect(claimEarlySocket(documentSocketUrl(host, "fresh"))).toBeNull();
    socket.close();
    expect(raw.closed).toBe(true);
  });

  it("sends y-websocket's first step 1 when the document already has something", async () => {
    openEarlySocket(environment("filled"));
    await settle();
    const raw = FakeSocket.made[0] as FakeSocket;
    raw.open();
    const socket = claimEarlySocket(documentSocketUrl(host, "filled")) as WebSocket;
    const step1 = new Uint8Array([0, 0, 3, 1, 5, 2]);
    socket.send(step1);
    expect(raw.sent).toEqual([ASK_FOR_EVERYTHING, step1]);
  });

  it("is closed when nobody claims it, and not opened once a connection asked without it", async () => {
    vi.useFakeTimers();
    openEarlySocket(environment("unclaimed"));
    await vi.advanceTimersByTimeAsync(0);
    const raw = FakeSocket.made[0] as FakeSocket;
    await vi.advanceTimersByTimeAsync(UNCLAIMED_CLOSE_MS);
    expect(raw.closed).toBe(true);
    expect(claimEarlySocket(documentSocketUrl(host, "unclaimed"))).toBeNull();

    const env = environment("late");
    let answer: (list: { name: string }[]) => void = () => {};
    openEarlySocket({ ...env, databases: () => new Promise((resolve) => (answer = resolve)) });
    expect(claimEarlySocket(documentSocketUrl(host, "late"))).toBeNull();
    answer([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeSocket.made).toHaveLength(1);
  });
});
