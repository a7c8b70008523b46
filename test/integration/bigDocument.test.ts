import path from "node:path";
import { KartaDocument } from "@karta/doc";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { authed, connectClient, createDocument, login, type SyncedClient, waitFor } from "../support/clients.ts";
import { emptySyncStep1, syncMessageOf } from "../support/protocolMessages.ts";
import { openRawSocket, type RawSocket } from "../support/rawSocket.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

const ROWS = 10_000;

/** The sync messages of a socket as [step, payload] (0 step 1, 1 step 2, 2 update). */
function syncMessages(raw: RawSocket): [number, Uint8Array][] {
  return raw.received.flatMap((message) => {
    const sync = syncMessageOf(message);
    return sync ? [[sync.step, sync.payload] as [number, Uint8Array]] : [];
  });
}

describe("a document of 10,000 rows", () => {
  const servers: ServerProcess[] = [];
  const clients: SyncedClient[] = [];
  const sockets: RawSocket[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const s of sockets.splice(0)) s.ws.terminate();
    for (const s of servers.splice(0)) if (s.child.exitCode === null) await s.kill();
  });

  it("is stored in parts, reaches a new client from the store while it loads, and lets requests through meanwhile", async () => {
    const first = await startServerProcess();
    servers.push(first);
    const secret = await login(first.httpUrl, "methodist");
    const docId = await createDocument(first.httpUrl, secret);
    const writer = await connectClient(first.syncUrl, docId, secret);
    clients.push(writer);
    for (let i = 0; i < ROWS; i += 1000) {
      writer.table().insertRows(
        i,
        Array.from({ length: 1000 }, (_, k) => ({ measure: `Мероприятие ${i + k + 1}`, period: "Ежегодно" })),
      );
    }
    await waitFor(() => writer.provider.wsconnected && writer.table().rowCount() === ROWS, "rows written");
    const expected = writer.table().rows();
    // A clean shutdown compacts every room: this one into several parts.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const c of clients.splice(0)) c.destroy();
    expect(await first.stop()).toBe(0);
    const db = new Database(path.join(first.dataDir, "karta.sqlite"), { readonly: true });
    const parts = (
      db.prepare("SELECT count(*) AS n FROM doc_snapshot_parts WHERE doc_id = ?").get(docId) as {
        n: number;
      }
    ).n;
    db.close();
    expect(parts).toBeGreaterThan(3);

    const second = await startServerProcess({ dataDir: first.dataDir });
    servers.push(second);
    const again = await login(second.httpUrl, "methodist");
    // A client with nothing of the document: answered from what the store read.
    const raw = await openRawSocket(second.syncUrl, docId, again);
    sockets.push(raw);
    raw.ws.send(emptySyncStep1());
    // A request made while the room loads is answered between its parts.
    let answeredWhileLoading = false;
    const request = fetch(`${second.httpUrl}/api/documents/${docId}`, authed(again)).then((res) => {
      answeredWhileLoading = !syncMessages(raw).some(([step]) => step === 0);
      return res.status;
    });
    expect(await request).toBe(200);
    await waitFor(() => syncMessages(raw).some(([step]) => step === 0), "the room loads and greets", 20_000);

    const messages = syncMessages(raw);
    const greeting = messages.findIndex(([step]) => step === 0);
    const answer = messages.findIndex(([step]) => step === 1);
    // The whole document came before the room had loaded (its greeting is the room's first word).
    expect(answer).toBeGreaterThanOrEqual(0);
    expect(answer).toBeLessThan(greeting);
    const received = new Y.Doc();
    for (const [, update] of messages.slice(0, answer + 1)) Y.applyUpdate(received, update);
    expect(received.store.pendingStructs).toBeNull();
    expect(KartaDocument.open(received)?.table("measures").rows()).toEqual(expected);
    expect(answeredWhileLoading).toBe(true);

    // A stock client loads it all and edits it as usual; a later edit reaches the raw socket too.
    const reader = await connectClient(second.syncUrl, docId, again, 20_000);
    clients.push(reader);
    expect(reader.table().rows()).toEqual(expected);
    reader.table().setCell(expected[5]?.id as string, "period", "Март 2023");
    await waitFor(() => syncMessages(raw).some(([step]) => step === 2), "the edit is broadcast to the raw socket");
  }, 120_000);
});
