import { KartaDocument, type TableModel } from "@karta/doc";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

export interface SyncedClient {
  readonly ydoc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly doc: KartaDocument;
  table(): TableModel;
  destroy(): void;
}

/**
 * A stock y-websocket client in Node, synced with the server before it
 * returns. It authenticates as a script would: the token (here a session's
 * secret) in `?access_token=`, through the provider's own `params`.
 */
export async function connectClient(
  syncUrl: string,
  docId: string,
  secret: string,
  /** How long to wait for the first sync (a 10,000-row document on a busy machine takes seconds). */
  syncTimeoutMs = 5_000,
): Promise<SyncedClient> {
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, docId, ydoc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { access_token: secret },
  });
  await waitFor(() => provider.synced, `client of ${docId} did not sync`, syncTimeoutMs);
  const doc = KartaDocument.open(ydoc);
  if (!doc) throw new Error(`${docId} synced without a template stamp`);
  return {
    ydoc,
    provider,
    doc,
    table: () => doc.table("measures"),
    destroy() {
      provider.destroy();
      ydoc.destroy();
    },
  };
}

/** Polls `condition` (sync or async) until it holds; fails with `message` after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  message: string,
  timeoutMs = 5_000,
): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out: ${message}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Logs in as a demo account (password `demo`) and returns the session's secret, read from its cookie. */
export async function login(httpUrl: string, account: string, password = "demo"): Promise<string> {
  const res = await fetch(`${httpUrl}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: account, password }),
  });
  if (res.status !== 200) throw new Error(`login of ${account} failed: ${res.status} ${await res.text()}`);
  const cookie = /karta_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "");
  if (!cookie?.[1]) throw new Error("no session cookie");
  return decodeURIComponent(cookie[1]);
}

/** A POST with a JSON body (as a script sends it: no Origin), for fetch. */
export function postJson(body: unknown): RequestInit {
  return { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

/** fetch with the session as a Bearer token. */
export function authed(secret: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...init.headers, authorization: `Bearer ${secret}` } };
}

/** Creates a document (a municipal roadmap of the user's municipality by default) and returns its id. */
export async function createDocument(
  httpUrl: string,
  secret: string,
  body: { template?: string; title?: string; organisationId?: string; year?: number } = {},
): Promise<string> {
  const res = await fetch(
    `${httpUrl}/api/documents`,
    authed(secret, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ template: "municipal-roadmap", title: "Тест", ...body }),
    }),
  );
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}
