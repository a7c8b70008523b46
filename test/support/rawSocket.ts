import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";

export interface RawSocket {
  readonly ws: WebSocket;
  /** Resolves with the close code the server sent. */
  readonly closed: Promise<number>;
  /** The close code with the server's reason. */
  readonly closedWith: Promise<{ code: number; reason: string }>;
  readonly received: Uint8Array[];
}

/**
 * A bare websocket to /sync/<room>, for speaking (or abusing) the protocol by
 * hand, signed in with the session secret given (none: anonymous). Every
 * message the server sends is kept in `received`.
 */
export async function openRawSocket(
  syncUrl: string,
  room: string,
  secret?: string,
  headers: Record<string, string> = {},
): Promise<RawSocket> {
  const ws = new WebSocket(`${syncUrl}/${room}`, {
    headers: { ...headers, ...(secret ? { cookie: `karta_session=${secret}` } : {}) },
  });
  const received: Uint8Array[] = [];
  ws.on("message", (data: Buffer) => received.push(new Uint8Array(data)));
  const closedWith = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const closed = closedWith.then((c) => c.code);
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return { ws, closed, closedWith, received };
}

/** A y-websocket sync message carrying `payload` as an update (type 0, step 2). */
export function syncUpdateMessage(payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
