/**
 * What the early socket's worker (earlySocketWorker.ts) and the page say to
 * each other. Shared by both; imports nothing, so the worker stays tiny.
 */

/** y-websocket's sync step 1 with an empty state vector: "send me everything you have". */
export const ASK_FOR_EVERYTHING: Uint8Array = new Uint8Array([0, 0, 1, 0]);

/** From the page to the worker. */
export type ToWorker =
  | { readonly kind: "open"; readonly url: string }
  | { readonly kind: "send"; readonly data: string | ArrayBufferLike | Blob | ArrayBufferView }
  | { readonly kind: "close"; readonly code?: number; readonly reason?: string };

/** From the worker to the page: the socket's events. */
export type FromWorker =
  | { readonly kind: "open" }
  | { readonly kind: "message"; readonly data: ArrayBuffer | string }
  | { readonly kind: "error" }
  | { readonly kind: "close"; readonly code: number; readonly reason: string; readonly wasClean: boolean };
