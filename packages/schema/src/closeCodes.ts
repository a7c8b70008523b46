/**
 * Websocket close codes of /sync, shared by the server (which closes with
 * them) and the web app (which shows each as a Russian sentence). 4000–4999
 * is the range RFC 6455 leaves to applications; the last three digits follow
 * the HTTP status they resemble.
 */
export const CloseCode = {
  /** A message that is not valid y-websocket protocol or not a valid Yjs update. */
  InvalidMessage: 4400,
  /** No session or token, or it has ended (logout, expiry). */
  Unauthorized: 4401,
  /** The user may not open this document, or has just lost access to it. */
  Forbidden: 4403,
  /** No document with this id. */
  DocumentNotFound: 4404,
  /** A message or the document it would grow is over the limit. */
  TooLarge: 4413,
  /** Too many sockets open with this session or account, or a flood of messages on one socket. */
  RateLimited: 4429,
  /** The server could not load or persist the document; nothing was written. */
  DocumentUnavailable: 4500,
  /**
   * The client did not read what the server sent (a sleeping laptop, a stalled
   * network, a hostile client) and fell too far behind; it reconnects and syncs
   * afresh, which is cheaper than catching up.
   */
  FellBehind: 4503,
  /** The user's access changed but still allows opening: reconnect to get the new rights. */
  AccessChanged: 4409,
  /** The server is shutting down; the client reconnects later. */
  ServerShutdown: 1001,
} as const;

export type CloseCodeName = keyof typeof CloseCode;
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName];

/** Codes after which reconnecting with the same request cannot succeed. */
export const FINAL_CLOSE_CODES: readonly number[] = [
  CloseCode.Unauthorized,
  CloseCode.Forbidden,
  CloseCode.DocumentNotFound,
];

/**
 * The reason of y-protocols' "permission denied" message, which the server
 * sends (keeping the connection open) when a read-only connection sends a
 * change: its content or comments update was not applied, stored or passed on.
 */
export const READ_ONLY_REASON = "read-only";
