import type { CellConflictJson, CellHistoryEntry } from "@karta/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authed, connectClient, createDocument, login, postJson, waitFor } from "../support/clients.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

/**
 * Two people set one cell of a roadmap while one of them is offline: Yjs keeps
 * one value; the server records both, with their authors, until someone picks.
 */
describe("conflicting writes to one cell", () => {
  let server: ServerProcess;
  let methodist = "";
  let coordinator = "";
  let docId = "";

  beforeAll(async () => {
    server = await startServerProcess();
    methodist = await login(server.httpUrl, "methodist");
    coordinator = await login(server.httpUrl, "coordinator");
    docId = await createDocument(server.httpUrl, methodist);
  });
  afterAll(async () => {
    await server.stop();
  });

  const conflicts = async () =>
    (await (
      await fetch(`${server.httpUrl}/api/documents/${docId}/conflicts`, authed(methodist))
    ).json()) as CellConflictJson[];

  it("records both values and authors, keeps the cell's history, and clears the conflict for both when one is picked", async () => {
    const online = await connectClient(server.syncUrl, docId, methodist);
    const apart = await connectClient(server.syncUrl, docId, coordinator);
    const rowId = online.table().insertRow(0, { measure: "Совещание с руководителями ШНОР", period: "Март 2022" });
    await waitFor(() => apart.table().rowCount() === 1, "the row reaches the coordinator");

    apart.provider.disconnect();
    online.table().setCell(rowId, "period", "Апрель 2022");
    apart.table().setCell(rowId, "period", "Май 2022");
    const stored = async () =>
      (await (
        await fetch(
          `${server.httpUrl}/api/documents/${docId}/cells/history?table=measures&rowId=${rowId}&columnId=period`,
          authed(methodist),
        )
      ).json()) as CellHistoryEntry[];
    await waitFor(async () => (await stored()).some((e) => e.value === "Апрель 2022"), "the online edit is stored");
    apart.provider.connect();
    await waitFor(async () => (await conflicts()).length === 1, "the conflict is recorded");

    const [conflict] = await conflicts();
    const values = [conflict?.kept, conflict?.lost].map((v) => [v?.value, v?.by?.name]);
    const names = await Promise.all(
      [methodist, coordinator].map(
        async (s) =>
          ((await (await fetch(`${server.httpUrl}/api/session`, authed(s))).json()) as { user: { fullName: string } })
            .user.fullName,
      ),
    );
    expect(values).toEqual(
      expect.arrayContaining([
        ["Апрель 2022", names[0]],
        ["Май 2022", names[1]],
      ]),
    );
    const kept = conflict?.kept.value;
    await waitFor(() => online.table().rows()[0]?.cells.period === kept, "both show the value Yjs kept");
    await waitFor(() => apart.table().rows()[0]?.cells.period === kept, "both show the value Yjs kept");
    const authors = new Set((await stored()).map((e) => e.by?.name));
    expect(authors).toEqual(new Set(names));

    const picked = conflict?.lost.value;
    const resolved = await fetch(
      `${server.httpUrl}/api/documents/${docId}/conflicts/${conflict?.id}/resolve`,
      authed(coordinator, postJson({ value: picked })),
    );
    expect(resolved.status).toBe(200);
    expect(await conflicts()).toEqual([]);
    await waitFor(() => online.table().rows()[0]?.cells.period === picked, "the picked value reaches both");
    await waitFor(() => apart.table().rows()[0]?.cells.period === picked, "the picked value reaches both");
    online.destroy();
    apart.destroy();
  });
});
