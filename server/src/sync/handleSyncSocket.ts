import { CloseCode } from "@karta/schema";
import type { RawData } from "ws";
import type { StoredState } from "../storage/DocumentStore.ts";
import { answerFromStore } from "./answerFromStore.ts";
import type { Connection } from "./Connection.ts";
import type { DocRoom } from "./DocRoom.ts";
import type { LiveConnections } from "./LiveConnections.ts";
import type { RoomRegistry } from "./RoomRegistry.ts";

/**
 * Messages a client may send before its document has loaded. A provider sends
 * two or three (step 1, step 2, awareness); anything beyond this is either a
 * hostile client or a bug, and buffering it unbounded would let one socket
 * exhaust memory (cf. Hocuspocus' cap on unauthenticated sockets).
 */
const MAX_MESSAGES_BEFORE_LOAD = 32;

/**
 * Serves one websocket of `/sync/<room>` whose user was authorised for the
 * room at the upgrade (createServer.ts): joins the room, loading it if needed.
 */
export async function handleSyncSocket(
  connection: Connection,
  deps: { rooms: RoomRegistry; live: LiveConnections },
): Promise<void> {
  const pending: Uint8Array[] = [];
  let room: DocRoom | null = null;
  /** The state the loading room is read from, once read. */
  let stored: StoredState | null = null;
  let closed = false;
  const { socket } = connection;
  deps.live.add(connection);

  socket.binaryType = "nodebuffer";
  socket.on("message", (data: RawData, isBinary: boolean) => {
    if (!connection.accepting) return;
    if (!isBinary) {
      connection.close(CloseCode.InvalidMessage, "text frames are not part of the protocol");
      return;
    }
    const message = toUint8Array(data);
    if (room) room.receive(connection, message);
    else if (stored && answerFromStore(connection, message, stored)) {
      // answered from the stored state: nothing to keep for the room
    } else if (pending.length < MAX_MESSAGES_BEFORE_LOAD) {
      pending.push(message);
      connection.queuedBytes += message.byteLength;
    } else connection.close(CloseCode.InvalidMessage, "too many messages before the document loaded");
    connection.received(message.byteLength);
  });
  socket.on("close", () => {
    closed = true;
    deps.live.remove(connection);
    if (room) deps.rooms.leave(room, connection);
  });

  const joining = deps.rooms.join(connection);
  // While the room loads, a client with nothing of the document is answered from what the store read.
  deps.rooms.storedWhileLoading(connection.docId)?.then(
    (state) => {
      if (room || closed) return;
      stored = state;
      const answered = pending.findIndex((message) => answerFromStore(connection, message, state));
      const [message] = answered >= 0 ? pending.splice(answered, 1) : [];
      if (message) connection.queuedBytes -= message.byteLength;
    },
    () => {}, // the room's own load reports the failure
  );
  try {
    const joined = await joining;
    if (closed) {
      deps.rooms.leave(joined, connection);
      return;
    }
    room = joined;
  } catch {
    connection.close(CloseCode.DocumentUnavailable, "the document could not be loaded");
    return;
  }
  for (const message of pending.splice(0)) {
    connection.queuedBytes -= message.byteLength;
    room.receive(connection, message);
  }
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
