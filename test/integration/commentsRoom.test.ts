import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { authed, login, waitFor } from "../support/clients.ts";
import { commentThreadUpdate, handMadeUpdate } from "../support/protocolMessages.ts";
import { openRawSocket } from "../support/rawSocket.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

/**
 * The comments companion of a school's document, written by its curator:
 * what the comments model never holds is refused, so that every reader can
 * still load it (a 20,000-deep chain of maps used to be stored and then broke
 * `toJSON()` for everyone).
 */
describe("the comments room refuses nesting and sizes comments never need", () => {
  let server: ServerProcess;
  let curator: string;
  let room: string;

  beforeAll(async () => {
    server = await startServerProcess();
    curator = await login(server.httpUrl, "curator");
    const listed = (await (await fetch(`${server.httpUrl}/api/documents`, authed(curator))).json()) as {
      id: string;
      organisationId: string;
    }[];
    room = `${listed.find((d) => d.organisationId === "slav-sosh-5")?.id}:comments`;
  });
  afterAll(async () => {
    await server.stop();
  });

  /**
   * Sends one hand-made update as the curator; resolves with the close code, or null if the socket
   * stayed open for 10 s (checking a 20,000-deep update takes a while on a busy machine).
   */
  async function send(write: (doc: Y.Doc) => void): Promise<number | null> {
    const raw = await openRawSocket(server.syncUrl, room, curator);
    raw.ws.send(handMadeUpdate(write));
    const code = await Promise.race([raw.closed, new Promise<null>((r) => setTimeout(() => r(null), 10_000))]);
    raw.ws.close();
    return code;
  }

  /** The comments room as a fresh reader gets it, as JSON. */
  async function readerJson(): Promise<unknown> {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.syncUrl, room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { access_token: curator },
    });
    await waitFor(() => provider.synced, "the comments room synced");
    provider.destroy();
    return doc.getMap("threads").toJSON();
  }

  it("refuses a 20,000-deep chain of maps and 3 MB of text; keeps a well-formed thread; every reader can load it", async () => {
    const chain = await send((doc) =>
      doc.transact(() => {
        let current = new Y.Map<unknown>();
        doc.getMap("threads").set("deep", current);
        for (let i = 1; i < 20_000; i++) {
          const next = new Y.Map<unknown>();
          current.set("x", next);
          current = next;
        }
      }),
    );
    expect(chain).toBe(4400);
    const text = await send((doc) => doc.getMap("threads").set("long", new Y.Map([["text", "я".repeat(1_500_000)]])));
    expect(text).toBe(4400);
    const raw = await openRawSocket(server.syncUrl, room, curator);
    raw.ws.send(await commentThreadUpdate(server.httpUrl, curator, "Уточните сроки мероприятия 3"));
    await waitFor(async () => Object.keys((await readerJson()) as object).length === 1, "the thread is stored");
    raw.ws.close();

    const [thread] = Object.values((await readerJson()) as Record<string, { comments: object }>);
    expect(Object.values(thread?.comments ?? {})).toEqual([
      expect.objectContaining({ text: "Уточните сроки мероприятия 3" }),
    ]);
  });
});
