import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";

/**
 * Frames sent to one socket during one turn of the event loop leave in one
 * write: the socket is corked at its first send and uncorked once the turn's
 * synchronous work and promise continuations are done (Node's cork/uncork
 * idiom, with process.nextTick). A group commit acknowledges a batch of
 * updates at once, and the broadcasts, acknowledgements and presence that
 * follow would otherwise each cost a system call per socket.
 */
const corked = new Set<Duplex>();

export function coalesceThisTurn(socket: WebSocket): void {
  const stream = streamOf(socket);
  if (!stream || corked.has(stream) || stream.destroyed) return;
  stream.cork();
  corked.add(stream);
  if (corked.size === 1) process.nextTick(uncorkAll);
}

function uncorkAll(): void {
  for (const stream of corked) stream.uncork();
  corked.clear();
}

/** ws keeps the TCP socket it frames onto in `_socket`, not part of its typed API (stable since ws 1). */
function streamOf(socket: WebSocket): Duplex | undefined {
  return (socket as unknown as { _socket?: Duplex })._socket;
}
