import crypto from "node:crypto";
import net from "node:net";

/**
 * A websocket client written on a bare TCP socket, for what the `ws` library
 * will not do: send frames that break RFC 6455 (unmasked), and ignore the
 * server's close frame instead of answering it, as a hostile client would.
 */
export interface TcpWebSocket {
  /** The status line of the server's answer to the upgrade, e.g. "HTTP/1.1 101 Switching Protocols". */
  readonly status: Promise<string>;
  /** Close codes of the close frames the server sent. */
  readonly closeCodes: number[];
  /** Payloads of the binary frames the server sent. */
  readonly messages: Uint8Array[];
  /** Resolves when the TCP connection is gone, whichever side ended it. */
  readonly ended: Promise<void>;
  /** Sends one binary frame; a client must mask it, `masked: false` breaks the protocol on purpose. */
  sendBinary(payload: Uint8Array, options?: { masked?: boolean }): void;
  /** Sends binary frames in one TCP write, so that the server receives them together. */
  sendAtOnce(payloads: readonly Uint8Array[]): void;
  /** Stops reading from the socket, as a client that never reads what it is sent; TCP then fills up. */
  stopReading(): void;
  destroy(): void;
}

export function openTcpWebSocket(port: number, target: string, headers: Record<string, string> = {}): TcpWebSocket {
  const socket = net.connect(port, "127.0.0.1");
  const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.write(
    `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\n` +
      `${extra.join("")}\r\n`,
  );
  const closeCodes: number[] = [];
  const messages: Uint8Array[] = [];
  let resolveStatus: (line: string) => void = () => {};
  const status = new Promise<string>((resolve) => {
    resolveStatus = resolve;
  });
  let buffer: Buffer = Buffer.alloc(0);
  let headerDone = false;
  socket.on("data", (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    if (!headerDone) {
      const end = buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      resolveStatus(buffer.subarray(0, buffer.indexOf("\r\n")).toString("latin1"));
      buffer = buffer.subarray(end + 4);
      headerDone = true;
    }
    buffer = readServerFrames(buffer, (opcode, payload) => {
      if (opcode === 0x8 && payload.length >= 2) closeCodes.push(payload.readUInt16BE(0));
      if (opcode === 0x2) messages.push(new Uint8Array(payload));
    });
  });
  const ended = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.on("error", () => {});
  socket.once("close", () => resolveStatus(""));
  return {
    status,
    closeCodes,
    messages,
    ended,
    sendBinary(payload, { masked = true } = {}) {
      if (!socket.destroyed) socket.write(clientFrame(payload, masked));
    },
    sendAtOnce(payloads) {
      if (!socket.destroyed) socket.write(Buffer.concat(payloads.map((p) => clientFrame(p, true))));
    },
    stopReading() {
      socket.pause();
    },
    destroy: () => socket.destroy(),
  };
}

/** Sends raw request text and resolves with the status line of the answer ("" if the connection just closed). */
export function rawHttpRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(request));
    let text = "";
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("latin1");
      if (text.includes("\r\n")) {
        resolve(text.slice(0, text.indexOf("\r\n")));
        socket.destroy();
      }
    });
    socket.on("error", () => resolve(""));
    socket.on("close", () => resolve(""));
  });
}

/** Splits complete server frames (never masked) off the buffer; returns what is left of it. */
function readServerFrames(buffer: Buffer, onFrame: (opcode: number, payload: Buffer) => void): Buffer {
  let rest = buffer;
  while (rest.length >= 2) {
    const opcode = (rest[0] as number) & 0x0f;
    let length = (rest[1] as number) & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (rest.length < 4) break;
      length = rest.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (rest.length < 10) break;
      length = Number(rest.readBigUInt64BE(2));
      offset = 10;
    }
    if (rest.length < offset + length) break;
    onFrame(opcode, rest.subarray(offset, offset + length));
    rest = rest.subarray(offset + length);
  }
  return rest;
}

/** One final binary frame from a client, masked unless told otherwise. */
function clientFrame(payload: Uint8Array, masked: boolean): Buffer {
  const length = payload.length;
  const maskBit = masked ? 0x80 : 0;
  let head: Buffer;
  if (length < 126) head = Buffer.from([0x82, maskBit | length]);
  else if (length < 65536) {
    head = Buffer.alloc(4);
    head[0] = 0x82;
    head[1] = maskBit | 126;
    head.writeUInt16BE(length, 2);
  } else {
    head = Buffer.alloc(10);
    head[0] = 0x82;
    head[1] = maskBit | 127;
    head.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!masked) return Buffer.concat([head, Buffer.from(payload)]);
  const mask = crypto.randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] = (body[i] as number) ^ (mask[i % 4] as number);
  return Buffer.concat([head, mask, body]);
}
