/// <reference lib="webworker" />
import { ASK_FOR_EVERYTHING, type FromWorker, type ToWorker } from "./earlySocketProtocol.ts";

/**
 * The early socket's own thread. Chromium reads a socket's incoming data on
 * the thread that owns the socket, in many small steps: for the 6 MB of a
 * 10,000-row roadmap, some 0.3–0.6 s of the page's main thread while the app
 * is loading. Here the worker reads it and hands the page each message whole
 * (its buffer transferred, not copied).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let socket: WebSocket | null = null;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.kind === "open" && !socket) {
    const opened = new WebSocket(message.url);
    socket = opened;
    opened.binaryType = "arraybuffer";
    opened.onopen = () => {
      // Asked here, not by the page: its main thread may be busy loading the app for a while.
      opened.send(ASK_FOR_EVERYTHING);
      post({ kind: "open" });
    };
    opened.onmessage = (e: MessageEvent<ArrayBuffer | string>) =>
      post({ kind: "message", data: e.data }, e.data instanceof ArrayBuffer ? [e.data] : []);
    opened.onerror = () => post({ kind: "error" });
    opened.onclose = (e) => {
      post({ kind: "close", code: e.code, reason: e.reason, wasClean: e.wasClean });
      scope.close();
    };
  } else if (message.kind === "send") {
    socket?.send(message.data);
  } else if (message.kind === "close") {
    if (socket) socket.close(message.code, message.reason);
    else scope.close();
  }
};
