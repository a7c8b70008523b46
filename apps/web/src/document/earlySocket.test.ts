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
import type { FromWorker, ToWorker } from "./earlySocketProtocol.ts";

const host = { protocol: "https:", host: "karta.example" };

/** The worker as the page sees it, with the socket it would own: the test plays the server. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  url: string | null = null;
  readonly sent: unknown[] = [];
  closed = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: ToWorker) {
    if (message.kind === "open") this.url = message.url;
    else if (message.kind === "send") this.sent.push(message.data);
    else this.closed = true;
  }
  private tell(message: FromWorker) {
    this.onmessage?.(new MessageEvent("message", { data: message }));
  }
  /** The socket opened: the worker has sent the question. */
  open() {
    this.sent.push(ASK_FOR_EVERYTHING);
    this.tell({ kind: "open" });
  }
  receive(byte: number) {
    this.tell({ kind: "message", data: new Uint8Array([byte]).buffer });
  }
  closedByServer(code: number) {
    this.tell({ kind: "close", code, reason: "", wasClean: true });
  }
}

function environment(docId: string, known: readonly string[] = [], online = true): EarlySocketEnvironment {
  return {
    location: { ...host, pathname: `/d/${docId}` },
    online,
    databases: async () => known.map((name) => ({ name })),
    startWorker: () => new FakeWorker(),
  };
}

/** Lets the databases() promise and the hand-over's microtask run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  FakeWorker.made = [];
  vi.useRealTimers();
});

describe("early socket", () => {
  it("opens the URL y-websocket opens, and asks as y-websocket asks with nothing of the document", () => {
    const provider = new WebsocketProvider(syncServerUrl(host), "doc1", new Y.Doc(), {
      connect: false,
      params: { [SAVED_QUERY_PARAMETER]: "1" },
      WebSocketPolyfill: class {} as unknown as typeof WebSocket,
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
    expect(FakeWorker.made).toEqual([]);
    expect(claimEarlySocket(documentSocketUrl(host, "kept"))).toBeNull();
  });

  it("hands what came before to y-websocket's handlers in order, and asks for everything only once", async () => {
    openEarlySocket(environment("fresh", ["other"]));
    await settle();
    const [raw] = FakeWorker.made;
    if (!raw) throw new Error("no socket");
    expect(raw.url).toBe(documentSocketUrl(host, "fresh"));
    raw.open();
    raw.receive(1);
    raw.receive(2);

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
    raw.receive(3);
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
    const raw = FakeWorker.made[0] as FakeWorker;
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
    const raw = FakeWorker.made[0] as FakeWorker;
    await vi.advanceTimersByTimeAsync(UNCLAIMED_CLOSE_MS);
    expect(raw.closed).toBe(true);
    expect(claimEarlySocket(documentSocketUrl(host, "unclaimed"))).toBeNull();

    const env = environment("late");
    let answer: (list: { name: string }[]) => void = () => {};
    openEarlySocket({ ...env, databases: () => new Promise((resolve) => (answer = resolve)) });
    expect(claimEarlySocket(documentSocketUrl(host, "late"))).toBeNull();
    answer([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeWorker.made).toHaveLength(1);
  });

  it("is not handed over once the server closed it (no session, no access)", async () => {
    openEarlySocket(environment("refused"));
    await settle();
    const raw = FakeWorker.made[0] as FakeWorker;
    raw.open();
    raw.closedByServer(4401);
    expect(claimEarlySocket(documentSocketUrl(host, "refused"))).toBeNull();
  });

  it("passes the server's close on to y-websocket once handed over", async () => {
    openEarlySocket(environment("dropped"));
    await settle();
    const raw = FakeWorker.made[0] as FakeWorker;
    const socket = claimEarlySocket(documentSocketUrl(host, "dropped")) as WebSocket;
    const codes: number[] = [];
    socket.onclose = (event) => codes.push(event.code);
    raw.closedByServer(4409);
    await settle();
    expect(codes).toEqual([4409]);
    expect(socket.readyState).toBe(socket.CLOSED);
  });
});
