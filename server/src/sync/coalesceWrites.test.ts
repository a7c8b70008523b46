import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { coalesceThisTurn } from "./coalesceWrites.ts";

describe("coalesceThisTurn", () => {
  const closers: (() => void)[] = [];
  afterEach(() => {
    for (const close of closers.splice(0)) close();
  });

  it("sends the frames of one turn to a socket in one write, and each arrives as its own message", async () => {
    const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    closers.push(() => wss.close());
    await new Promise((resolve) => wss.once("listening", resolve));
    const serverSide = new Promise<WebSocket>((resolve) => wss.once("connection", resolve));
    const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
    closers.push(() => client.terminate());
    const socket = await serverSide;

    const stream = (socket as unknown as { _socket: Duplex & { _writev?: unknown } })._socket;
    const writes: number[] = [];
    const original = stream._write.bind(stream);
    stream._write = (chunk, encoding, callback) => {
      writes.push(1);
      original(chunk, encoding, callback);
    };
    const originalv = (stream as unknown as { _writev: (c: unknown[], cb: () => void) => void })._writev.bind(stream);
    (stream as unknown as { _writev: (c: unknown[], cb: () => void) => void })._writev = (chunks, callback) => {
      writes.push(chunks.length);
      originalv(chunks, callback);
    };

    const received: string[] = [];
    const allThree = new Promise<void>((resolve) =>
      client.on("message", (data) => {
        received.push(String(data));
        if (received.length === 3) resolve();
      }),
    );
    for (const text of ["one", "two", "three"]) {
      coalesceThisTurn(socket);
      socket.send(Buffer.from(text));
    }
    await allThree;
    expect(received).toEqual(["one", "two", "three"]);
    expect(writes).toEqual([6]); // one writev: a header and a payload per frame
  });
});
